package org.goldbuying.centre.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Turns typed refusals into 4xx answers with a specific message, always as JSON. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response centre(CentreException e) {
        return body(e.error().httpStatus(), e.error().name(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return body(400, CentreError.BAD_REQUEST.name(), "The request body is not valid JSON for this operation: "
                + e.getOriginalMessage());
    }

    private static Response body(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(code, message)).build();
    }
}
