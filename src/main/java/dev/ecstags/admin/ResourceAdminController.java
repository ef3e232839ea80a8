package dev.ecstags.admin;

import dev.ecstags.resource.ResourceInventory;
import dev.ecstags.resource.ResourceRegistration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The resource inventory: operators say which resources exist and which account owns each. */
@RestController
@RequestMapping("/admin/v1/resources")
class ResourceAdminController {

    private static final int LOGGED_PER_BATCH = 5;

    private final ResourceInventory inventory;

    ResourceAdminController(ResourceInventory inventory) {
        this.inventory = inventory;
    }

    @PutMapping
    RegisteredResources register(@Valid @RequestBody RegisterResourcesRequest request) {
        List<ResourceRegistration> registrations = request.resources().stream()
                .map(entry -> new ResourceRegistration(entry.regionId(), entry.resourceType(), entry.resourceId(),
                        entry.accountId(), entry.taggable()))
                .toList();
        int registered = inventory.register(registrations);
        AdminChangeLog.changed("registered {} resource(s): {}", registered, describe(registrations));
        return new RegisteredResources(registered);
    }

    @DeleteMapping("/{regionId}/{resourceType}/{resourceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String regionId, @PathVariable String resourceType, @PathVariable String resourceId) {
        if (!inventory.remove(regionId, resourceType, resourceId)) {
            throw AdminProblems.notFound("No resource " + resourceType + " " + resourceId + " is registered in "
                    + regionId + ".");
        }
        AdminChangeLog.changed("removed resource {} {} in {} and its tags", resourceType, resourceId, regionId);
    }

    /** The first few resources of a batch (a batch may hold a thousand), each as region/type/id and its account. */
    private static String describe(List<ResourceRegistration> registrations) {
        int shown = Math.min(registrations.size(), LOGGED_PER_BATCH);
        String first = registrations.subList(0, shown).stream()
                .map(r -> r.regionId() + "/" + r.resourceType() + "/" + r.resourceId() + " (account " + r.accountId()
                        + (r.taggable() ? "" : ", not taggable") + ")")
                .collect(java.util.stream.Collectors.joining(", "));
        return registrations.size() > shown ? first + " and " + (registrations.size() - shown) + " more" : first;
    }

    record RegisterResourcesRequest(
            @NotNull @Size(min = 1, max = ResourceInventory.MAX_BATCH) List<@NotNull @Valid Entry> resources) {
    }

    /** @param taggable absent means true: most resources carry tags */
    record Entry(@NotBlank @Size(max = 64) String regionId,
                 @NotBlank @Size(max = 32) String resourceType,
                 @NotBlank @Size(max = 256) String resourceId,
                 @AccountId String accountId,
                 Boolean taggable) {

        Entry {
            taggable = taggable == null || taggable;
        }
    }

    record RegisteredResources(int registered) {
    }
}
