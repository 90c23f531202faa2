package org.goldbuying.centre.common;

import jakarta.ws.rs.core.Response;
import org.goldbuying.web.ErrorBody;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns the centre's typed refusals into 4xx answers with a specific message, always as JSON. Unreadable bodies are
 * answered by service-web's {@code MalformedBodyMappers}.
 */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response centre(CentreException e) {
        return ErrorBody.response(e.error().httpStatus(), e.error().name(), e.getMessage());
    }
}
