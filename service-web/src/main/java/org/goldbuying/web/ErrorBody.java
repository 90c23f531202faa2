package org.goldbuying.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON body of every refusal: {@code code} for programs, {@code message} for people (a clerk, a treasurer). */
public record ErrorBody(String code, String message) {

    /** A refusal as an HTTP answer, always JSON. */
    public static Response response(int status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(code, message))
                .build();
    }
}
