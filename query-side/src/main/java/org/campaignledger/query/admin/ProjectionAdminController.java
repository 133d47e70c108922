package org.campaignledger.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rebuild a projection, or all of them together ({@code 202 Accepted}, then watch its status) and see every projection's progress. */
@RestController
class ProjectionAdminController {

    private final ProjectionAdmin admin;

    ProjectionAdminController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @PostMapping("/api/admin/projections/{name}/rebuild")
    @Operation(summary = "Reset a projection and rebuild it from the event log")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProjectionStatus rebuild(@PathVariable String name) {
        return admin.rebuild(name);
    }

    @PostMapping("/api/admin/projections/rebuild")
    @Operation(summary = "Reset every projection and rebuild them together, reading the event log once")
    @ResponseStatus(HttpStatus.ACCEPTED)
    List<ProjectionStatus> rebuildAll() {
        return admin.rebuild(ProjectionAdmin.PROJECTIONS);
    }

    @GetMapping("/api/admin/projections")
    @Operation(summary = "Every projection: position, events done and total, rate, caught up or rebuilding")
    List<ProjectionStatus> projections() {
        return admin.statuses();
    }

    @GetMapping("/api/admin/projections/{name}")
    @Operation(summary = "One projection: position, events done and total, rate, caught up or rebuilding")
    ProjectionStatus projection(@PathVariable String name) {
        return admin.status(name);
    }
}
