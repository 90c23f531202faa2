package org.goldbuying.centre.common;

import jakarta.ws.rs.WebApplicationException;
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

    /**
     * A body the JSON reader gave up on (cut off, empty, a word where a number belongs) arrives as a bare 400; give
     * it the same specific answer as any other malformed body. Every other status passes through unchanged.
     */
    @ServerExceptionMapper
    public Response unreadableBody(WebApplicationException e) {
        Response response = e.getResponse();
        if (response.getStatus() != 400 || response.hasEntity()) {
            return response;
        }
        String detail = e.getCause() instanceof JsonProcessingException json ? ": " + json.getOriginalMessage()
                : " (it is empty, cut off or not of the expected type).";
        return body(400, CentreError.BAD_REQUEST.name(), "The request body is not valid JSON for this operation" + detail);
    }

    private static Response body(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(code, message)).build();
    }
}
