package org.goldbuying.station.common;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.xrf.XrfException;
import org.goldbuying.scale.xrf.XrfFault;
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

    /** A shot, an export or a density weighing that cannot be used: what is wrong with it, for the clerk. */
    @ServerExceptionMapper
    public Response xrf(XrfException e) {
        int status = e.fault() == XrfFault.DISCONNECTED ? 503 : 400;
        return body(status, "XRF_" + e.fault().name(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return body(400, StationError.BAD_REQUEST.name(), "The request body is not valid JSON for this operation: "
                + e.getOriginalMessage());
    }

    /**
     * A body the JSON reader gave up on (cut off, empty) arrives as a bare 400; give it the same specific answer as
     * any other malformed body. Every other status passes through unchanged.
     */
    @ServerExceptionMapper
    public Response unreadableBody(WebApplicationException e) {
        Response response = e.getResponse();
        if (response.getStatus() != 400 || response.hasEntity()) {
            return response;
        }
        String detail = e.getCause() instanceof JsonProcessingException json ? ": " + json.getOriginalMessage()
                : " (it is empty, cut off or not of the expected type).";
        return body(400, StationError.BAD_REQUEST.name(), "The request body is not valid for this operation" + detail);
    }

    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e) {
        return body(400, StationError.BAD_REQUEST.name(), e.getMessage());
    }

    private static Response body(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(code, message)).build();
    }
}
