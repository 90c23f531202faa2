package org.goldbuying.station.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.goldbuying.scale.ScaleException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Turns typed refusals into 4xx/5xx answers with a specific message; nothing is changed when they happen. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response station(StationException e) {
        return body(e.error().httpStatus(), e.error().name(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response scale(ScaleException e) {
        int status = switch (e.fault()) {
            case DISCONNECTED, TIMEOUT -> 503;
            default -> 409;
        };
        return body(status, "BALANCE_" + e.fault().name(), e.clerkMessage() + " [" + e.detail() + "]");
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return body(400, StationError.BAD_REQUEST.name(), "The request body is not valid JSON for this operation: "
                + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e) {
        return body(400, StationError.BAD_REQUEST.name(), e.getMessage());
    }

    private static Response body(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(code, message)).build();
    }
}
