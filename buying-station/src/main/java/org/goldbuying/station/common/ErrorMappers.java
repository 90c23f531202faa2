package org.goldbuying.station.common;

import jakarta.ws.rs.core.Response;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.xrf.XrfException;
import org.goldbuying.scale.xrf.XrfFault;
import org.goldbuying.web.ErrorBody;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns the station's typed refusals into 4xx/5xx answers with a specific message; nothing is changed when they
 * happen. Unreadable bodies are answered by service-web's {@code MalformedBodyMappers}.
 */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response station(StationException e) {
        return ErrorBody.response(e.error().httpStatus(), e.error().name(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response scale(ScaleException e) {
        int status = switch (e.fault()) {
            case DISCONNECTED, TIMEOUT -> 503;
            default -> 409;
        };
        return ErrorBody.response(status, "BALANCE_" + e.fault().name(), e.clerkMessage() + " [" + e.detail() + "]");
    }

    /** A shot, an export or a density weighing that cannot be used: what is wrong with it, for the clerk. */
    @ServerExceptionMapper
    public Response xrf(XrfException e) {
        int status = e.fault() == XrfFault.DISCONNECTED ? 503 : 400;
        return ErrorBody.response(status, "XRF_" + e.fault().name(), e.getMessage());
    }
}
