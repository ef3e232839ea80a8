package dev.ecstags.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ecstags.admin.AdminProblems.FieldProblem;
import dev.ecstags.resource.ResourceInventory;
import dev.ecstags.resource.ResourceInventory.RegisteredResource;
import dev.ecstags.resource.ResourceRegistration;
import dev.ecstags.resource.ResourceType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The resource inventory: operators say which resources exist and which account owns each. */
@RestController
@RequestMapping("/admin/v1/resources")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ResourceAdminController {

    private static final int LOGGED_PER_BATCH = 5;
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{1,20}");

    private final ResourceInventory inventory;

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

    /**
     * An account's resources, a page at a time, optionally of one region and one type; {@code nextToken} continues
     * where a page ended.
     */
    @GetMapping
    ResourcePage list(@RequestParam String accountId, @RequestParam(required = false) String regionId,
            @RequestParam(required = false) String resourceType,
            @RequestParam(required = false) Integer maxResults,
            @RequestParam(required = false) String nextToken) {
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            throw AdminProblems.badRequest(new FieldProblem("accountId",
                    "must be a decimal account id of 1 to 20 digits"));
        }
        if (resourceType != null && ResourceType.fromWire(resourceType).isEmpty()) {
            throw AdminProblems.badRequest(new FieldProblem("resourceType", "must be one of the allowed values",
                    Arrays.stream(ResourceType.values()).map(ResourceType::wireName).toList()));
        }
        int limit = AdminPaging.limit(maxResults);
        List<RegisteredResource> page = inventory.list(accountId, regionId, resourceType, after(nextToken), limit);
        List<Resource> resources = page.stream().map(Resource::of).toList();
        return new ResourcePage(resources, page.size() < limit ? null : token(page.get(page.size() - 1)));
    }

    /** One resource, with every tag it carries (private ones flagged). */
    @GetMapping("/{regionId}/{resourceType}/{resourceId}")
    ResourceWithTags get(@PathVariable String regionId, @PathVariable String resourceType,
            @PathVariable String resourceId) {
        return inventory.find(regionId, resourceType, resourceId)
                .map(found -> new ResourceWithTags(found.resource().regionId(), found.resource().resourceType(),
                        found.resource().resourceId(), found.resource().accountId(), found.resource().taggable(),
                        found.tags().stream().map(tag -> new Tag(tag.key(), tag.value(), tag.privateTag())).toList()))
                .orElseThrow(() -> AdminProblems.notFound("No resource " + resourceType + " " + resourceId
                        + " is registered in " + regionId + "."));
    }

    /** Where a page ended, as region, type and id; opaque to callers (base64url). */
    private static String token(RegisteredResource last) {
        String position = last.regionId() + '/' + last.resourceType() + '/' + last.resourceId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private static RegisteredResource after(String nextToken) {
        if (nextToken == null || nextToken.isEmpty()) {
            return null;
        }
        try {
            // Region ids and types hold no slash; the id, last, may.
            String[] position = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8)
                    .split("/", 3);
            if (position.length == 3) {
                return new RegisteredResource(position[0], position[1], position[2], null, true);
            }
        } catch (IllegalArgumentException notBase64) {
            // refused below
        }
        throw AdminProblems.badRequest(new FieldProblem("nextToken", "must be a nextToken this API answered"));
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
    record Entry(@NotBlank @Size(max = 64) @XmlText String regionId,
            @NotBlank @Size(max = 32) @XmlText String resourceType,
            @NotBlank @Size(max = 256) @XmlText String resourceId,
            @AccountId String accountId,
            Boolean taggable) {

        Entry {
            taggable = taggable == null || taggable;
        }
    }

    record RegisteredResources(int registered) {
    }

    /** @param nextToken null on the last page */
    record ResourcePage(List<Resource> resources, String nextToken) {
    }

    record Resource(String regionId, String resourceType, String resourceId, String accountId, boolean taggable) {

        static Resource of(RegisteredResource resource) {
            return new Resource(resource.regionId(), resource.resourceType(), resource.resourceId(),
                    resource.accountId(), resource.taggable());
        }
    }

    record ResourceWithTags(String regionId, String resourceType, String resourceId, String accountId,
            boolean taggable, List<Tag> tags) {
    }

    /** @param isPrivate a system tag, written by a service key with Scope=private and invisible to normal keys */
    record Tag(String key, String value, @JsonProperty("private") boolean isPrivate) {
    }
}
