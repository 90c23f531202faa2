package org.goldbuying.centre.display;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The public price display's API: read-only, no login. The page itself is /display/. */
@Path("/api/display")
public class DisplayResource {
    private final DisplayBoard board;

    public DisplayResource(DisplayBoard board) {
        this.board = board;
    }

    @GET
    @Path("price")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Today's buying price per gram, by purity and local unit; no figures when suspended or stale")
    public Uni<DisplayPrice> price() {
        return board.current();
    }

    @GET
    @Path("price.txt")
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    @Operation(summary = "The buying price as short plain-text lines (one per purity) for SMS and USSD gateways")
    public Uni<String> text(@QueryParam("lang") String lang) {
        Language language = Language.parse(lang);
        return board.current().map(view -> DisplayText.render(view, language));
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-sent events: the display view now, then at each published tick and every few seconds")
    public Multi<DisplayPrice> stream() {
        return board.stream();
    }
}
