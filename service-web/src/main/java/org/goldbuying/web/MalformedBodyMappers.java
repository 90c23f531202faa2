package org.goldbuying.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A request body that cannot be read gets a specific 400 ({@code BAD_REQUEST}) saying what is wrong with it, in both
 * services; nothing is changed when it happens. Each service maps its own typed refusals beside this.
 */
public class MalformedBodyMappers {
    public static final String BAD_REQUEST = "BAD_REQUEST";

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return ErrorBody.response(
                400, BAD_REQUEST, "The request body is not valid JSON for this operation: " + e.getOriginalMessage());
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
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        return ErrorBody.response(
                400,
                BAD_REQUEST,
                "The request body is not valid for this operation (it is empty, cut off or not of the expected type).");
    }

    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e) {
        return ErrorBody.response(400, BAD_REQUEST, e.getMessage());
    }
}
