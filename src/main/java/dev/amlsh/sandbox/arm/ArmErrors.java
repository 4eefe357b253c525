package dev.amlsh.sandbox.arm;

import java.util.List;
import java.util.Map;

/**
 * The one factory of every error the sandbox sends, in the ARM shape (Azurite's
 * {@code StorageErrorFactory} is the model). Codes and messages follow real ARM responses
 * (see {@code reference/research/arm-api.md} §1.8). A provider adds its own codes as new
 * static methods in its section below, or uses {@link #of(int, String, String)} for a one-off.
 *
 * <pre>{@code
 * if (group == null) {
 *     throw ArmErrors.resourceGroupNotFound(request.resourceGroup());
 * }
 * throw ArmErrors.of(409, "StorageAccountAlreadyTaken", "The storage account named sa1 is already taken.");
 * }</pre>
 */
public final class ArmErrors {
    static final String ALLOWED_AUDIENCES = "'https://management.core.windows.net/','https://management.core.windows.net',"
            + "'https://management.azure.com/','https://management.azure.com'";

    private ArmErrors() {
    }

    /** Any ARM error: status, PascalCase code and message. */
    public static ArmException of(int status, String code, String message) {
        return new ArmException(new ArmError(status, code, message, null, List.of(), Map.of(), false));
    }

    /** An ARM error with a target and nested details (each detail is itself an {@link ArmError}). */
    public static ArmException of(int status, String code, String message, String target, List<ArmError> details) {
        return new ArmException(new ArmError(status, code, message, target, details, Map.of(), false));
    }

    /** The same error with one more response header. */
    public static ArmException withHeader(ArmException e, String name, String value) {
        ArmError a = e.error();
        Map<String, String> headers = new java.util.LinkedHashMap<>(a.headers());
        headers.put(name, value);
        return new ArmException(new ArmError(a.status(), a.code(), a.message(), a.target(), a.details(), headers, a.oauth()));
    }

    // ---- protocol -------------------------------------------------------------------------

    public static ArmException missingApiVersion() {
        return of(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");
    }

    public static ArmException invalidApiVersion(String value) {
        return of(400, "InvalidApiVersionParameter", "The api-version '" + value + "' is invalid. The supported versions are of the form"
                + " 'yyyy-mm-dd' or 'yyyy-mm-dd-preview'.");
    }

    public static ArmException invalidRequestContent(String why) {
        return of(400, "InvalidRequestContent", "The request content was invalid and could not be deserialized: '" + why + "'.");
    }

    public static ArmException requestTooLarge(long limit) {
        return of(413, "RequestContentTooLarge", "The request content size exceeds the maximum size of " + (limit / (1024 * 1024)) + " MB.");
    }

    public static ArmException pathNotFound(String path) {
        return of(404, "NotFound", "The requested path '" + path + "' was not found.");
    }

    public static ArmException methodNotAllowed(String method) {
        return of(405, "MethodNotAllowed", "The requested resource does not support http method '" + method + "'.");
    }

    public static ArmException internal(String requestId) {
        return of(500, "InternalServerError", "Encountered internal server error. Diagnostic information: request id '"
                + requestId + "'.");
    }

    /**
     * An error a fault rule injects, shaped as ARM sends that status: 429 {@code TooManyRequests}
     * (throttling), 500 {@code InternalServerError}, 503 {@code ServiceUnavailable}, ...
     */
    public static ArmException injected(int status, int retryAfterSeconds, String method, String requestId) {
        String window = "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method) ? "Read" : "Write";
        ArmException e;
        switch (status) {
            case 429:
                e = of(429, "TooManyRequests", "The request is being throttled as the limit has been reached for operation type - "
                        + window + "_ObservationWindow_00:05:00. For more information, refer to - https://aka.ms/armthrottling");
                break;
            case 500:
                e = internal(requestId);
                break;
            case 502:
                e = of(502, "BadGateway", "The gateway received an invalid response from the resource provider.");
                break;
            case 503:
                e = of(503, "ServiceUnavailable", "The service is temporarily unavailable. Please try again later.");
                break;
            case 504:
                e = of(504, "GatewayTimeout", "The gateway did not receive a response from the resource provider within the"
                        + " specified time period.");
                break;
            case 408:
                e = of(408, "RequestTimeout", "The request timed out.");
                break;
            default:
                e = of(status, "HttpStatus" + status, "The service answered HTTP " + status + ".");
        }
        return retryAfterSeconds < 0 ? e : withHeader(e, "Retry-After", String.valueOf(retryAfterSeconds));
    }

    /** The token endpoint during an outage (OAuth shape). */
    public static ArmException tokenEndpointUnavailable() {
        return withHeader(oauth(503, "temporarily_unavailable", "AADSTS90033: A transient error has occurred. Please try again."),
                "Retry-After", "1");
    }

    /** A long-running operation a fault rule made fail. */
    public static ArmException operationFailed(String operationId) {
        return of(500, "InternalServerError", "The operation '" + operationId + "' failed. Diagnostic information: operation id '"
                + operationId + "'.");
    }

    /** A path with {@code .} or {@code ..} segments, encoded slashes or control characters. */
    public static ArmException invalidRequestUri(String why) {
        return of(400, "InvalidRequestUri", "The request URI is invalid: " + why + ".");
    }

    /** A body sent with a media type ARM does not read. */
    public static ArmException unsupportedMediaType(String contentType) {
        return of(415, "UnsupportedMediaType", "The content media type '" + contentType + "' is not supported. Only 'application/json'"
                + " is supported.");
    }

    /** A request header with characters no header may carry. */
    public static ArmException invalidHeader(String name) {
        return of(400, "InvalidHeaderValue", "The value of the header '" + name + "' contains characters that are not allowed.");
    }

    public static ArmException badRequest(String message) {
        return of(400, "BadRequest", message);
    }

    public static ArmException invalidParameter(String parameter, String message) {
        return of(400, "InvalidParameter", message, parameter, List.of());
    }

    public static ArmException invalidFilter(String filter) {
        return of(400, "InvalidFilterInQueryString", "The filter '" + filter + "' is not supported. Supported filters: "
                + "\"tagName eq 'name'\" and \"tagName eq 'name' and tagValue eq 'value'\".");
    }

    public static ArmException conflict(String message) {
        return of(409, "Conflict", message);
    }

    public static ArmException preconditionFailed() {
        return of(412, "PreconditionFailed", "The condition specified using HTTP conditional header(s) is not met.");
    }

    public static ArmException anotherOperationInProgress(String message) {
        return of(409, "AnotherOperationInProgress", message);
    }

    public static ArmException propertyChangeNotAllowed(String property) {
        return of(400, "PropertyChangeNotAllowed", "Changing property '" + property + "' is not allowed.", property, List.of());
    }

    public static ArmException locationRequired() {
        return of(400, "LocationRequired", "The location property is required for this definition.");
    }

    public static ArmException invalidResourceName(String name, String rule) {
        return of(400, "InvalidResourceName", "Resource name " + name + " is invalid. " + rule);
    }

    // ---- authentication and authorization -------------------------------------------------

    public static ArmException missingAuthorizationHeader() {
        return of(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
    }

    public static ArmException malformedAuthorizationHeader() {
        return of(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is provided in an invalid format.");
    }

    public static ArmException invalidAuthenticationToken() {
        return of(401, "InvalidAuthenticationToken", "The access token is invalid.");
    }

    public static ArmException revokedAuthenticationToken() {
        return of(401, "InvalidAuthenticationToken", "The access token has been revoked: the sign-in it came from was revoked.");
    }

    public static ArmException expiredAuthenticationToken(String expiry, String now) {
        return of(401, "ExpiredAuthenticationToken", "The access token expiry UTC time '" + expiry
                + "' is earlier than current UTC time '" + now + "'.");
    }

    public static ArmException invalidTokenAudience(String audience) {
        return of(401, "InvalidAuthenticationTokenAudience", "The access token has been obtained for wrong audience or resource '"
                + audience + "'. It should exactly match with one of the allowed audiences " + ALLOWED_AUDIENCES + ".");
    }

    public static ArmException authorizationFailed(String objectId, String action, String scope) {
        return authorizationFailed(objectId, objectId, action, scope);
    }

    /** {@code client} is the user principal name of a user, or the application ID of a service principal. */
    public static ArmException authorizationFailed(String client, String objectId, String action, String scope) {
        return of(403, "AuthorizationFailed", "The client '" + client + "' with object id '" + objectId
                + "' does not have authorization to perform action '" + action + "' over scope '" + scope
                + "' or the scope is invalid. If access was recently granted, please refresh your credentials.");
    }

    // ---- OAuth 2.0 token endpoint (its own shape, same factory) -----------------------------

    public static ArmException oauth(int status, String error, String description) {
        return new ArmException(new ArmError(status, error, description, null, List.of(), Map.of(), true));
    }

    // ---- Microsoft.Resources --------------------------------------------------------------

    public static ArmException subscriptionNotFound(String subscriptionId) {
        return of(404, "SubscriptionNotFound", "The subscription '" + subscriptionId + "' could not be found.");
    }

    public static ArmException resourceGroupNotFound(String group) {
        return of(404, "ResourceGroupNotFound", "Resource group '" + group + "' could not be found.");
    }

    public static ArmException resourceGroupBeingDeleted(String group) {
        return of(409, "ResourceGroupBeingDeleted", "The resource group '" + group
                + "' is in deprovisioning state and cannot perform this operation.");
    }

    public static ArmException invalidResourceGroupName(String group, String why) {
        return of(400, "InvalidResourceGroup", "The provided resource group name '" + group + "' " + why);
    }

    public static ArmException invalidResourceGroupLocation(String requested, String existing) {
        return of(409, "InvalidResourceGroupLocation", "Invalid resource group location '" + requested
                + "'. The Resource group already exists in location '" + existing + "'.");
    }

    public static ArmException locationNotAvailableForResourceGroup(String location, String available) {
        return of(400, "LocationNotAvailableForResourceGroup", "The provided location '" + location
                + "' is not available for resource group. List of available regions is '" + available + "'.");
    }

    /** A tracked resource under a group, e.g. type {@code Microsoft.Storage/storageAccounts}. */
    public static ArmException resourceNotFound(String type, String name, String group) {
        return of(404, "ResourceNotFound", "The Resource '" + type + "/" + name + "' under resource group '" + group
                + "' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix");
    }

    public static ArmException missingSubscriptionRegistration(String namespace) {
        String message = "The subscription is not registered to use namespace '" + namespace
                + "'. See https://aka.ms/rps-not-found for how to register subscriptions.";
        ArmError detail = new ArmError(409, "MissingSubscriptionRegistration", message, namespace, List.of(), Map.of(), false);
        return of(409, "MissingSubscriptionRegistration", message, null, List.of(detail));
    }

    public static ArmException invalidResourceNamespace(String namespace) {
        return of(404, "InvalidResourceNamespace", "The resource namespace '" + namespace + "' is invalid.");
    }

    public static ArmException invalidResourceType(String type, String namespace, String apiVersion) {
        return of(400, "InvalidResourceType", "The resource type '" + type + "' could not be found in the namespace '"
                + namespace + "' for api version '" + apiVersion + "'.");
    }

    public static ArmException operationNotFound(String operationId) {
        return of(404, "OperationNotFound", "The operation '" + operationId + "' could not be found.");
    }

    // ---- shared by tracked resources -------------------------------------------------------

    /** A tracked resource's location that is not one of the sandbox's regions. */
    public static ArmException locationNotAvailableForResourceType(String location, String type, String available) {
        return of(400, "LocationNotAvailableForResourceType", "The provided location '" + location
                + "' is not available for resource type '" + type + "'. List of available regions for the resource type is '"
                + available + "'.");
    }

    /** A PUT of an existing tracked resource that names another location. */
    public static ArmException invalidResourceLocation(String name, String existing, String group, String requested) {
        return of(409, "InvalidResourceLocation", "The resource '" + name + "' already exists in location '" + existing
                + "' in resource group '" + group + "'. A resource with the same name cannot be created in location '"
                + requested + "'. Please select a new resource name.");
    }

    // ---- Microsoft.Insights ---------------------------------------------------------------

    /** A required member of a component body is missing (the service's own wording). */
    public static ArmException valueCannotBeNull(String member) {
        return of(400, "BadRequest", "Value cannot be null. Parameter name: '" + member + "' property must be specified");
    }

    // ---- Microsoft.ContainerRegistry ------------------------------------------------------

    public static ArmException registryNameInUse(String name) {
        return of(409, "AlreadyInUse", "The registry DNS name " + name.toLowerCase(java.util.Locale.ROOT)
                + ".azurecr.io is already in use. You can check if the name is already claimed using following API: "
                + "https://docs.microsoft.com/en-us/rest/api/containerregistry/registries/checknameavailability");
    }

    public static ArmException registryAdminUserDisabled(String registryId) {
        return of(400, "BadRequest", "Cannot perform credential operations for " + registryId
                + " as admin user is disabled. Kindly enable admin user as per docs: "
                + "https://docs.microsoft.com/en-us/azure/container-registry/container-registry-authentication#admin-account");
    }

    public static ArmException invalidRegistrySku(String sku) {
        return of(400, "InvalidSkuName", "The SKU '" + sku + "' is not valid. The supported SKUs are Basic, Standard and Premium.",
                "sku.name", List.of());
    }

    // ---- Microsoft.Authorization ------------------------------------------------------------

    public static ArmException roleAssignmentExists() {
        return of(409, "RoleAssignmentExists", "The role assignment already exists.");
    }

    public static ArmException roleDefinitionDoesNotExist(String guid) {
        return of(400, "RoleDefinitionDoesNotExist", "The specified role definition with ID '" + guid + "' does not exist.");
    }

    public static ArmException roleDefinitionNotFound(String guid) {
        return of(404, "RoleDefinitionDoesNotExist", "The specified role definition with ID '" + guid + "' does not exist.");
    }

    public static ArmException invalidRoleDefinitionId(String value) {
        return of(400, "InvalidRoleDefinitionId", "The role definition ID '" + value + "' is not valid.");
    }

    /** ARM writes the object ID without dashes in this message. */
    public static ArmException principalNotFound(String principalId, String tenantId) {
        return of(400, "PrincipalNotFound", "Principal " + principalId.replace("-", "") + " does not exist in the directory "
                + tenantId + ". Check that you have the correct principal ID. If you are creating this principal and then"
                + " immediately assigning a role, this error might be related to a replication delay. In this case, set the"
                + " role assignment principalType property to a value, such as ServicePrincipal, User, or Group.  See"
                + " https://aka.ms/docs-principaltype");
    }

    public static ArmException unmatchedPrincipalType(String principalId, String actual, String given) {
        return of(400, "UnmatchedPrincipalType", "The PrincipalId '" + principalId.replace("-", "") + "' has type '" + actual
                + "' , which is different from specified PrincipalType '" + given + "'.");
    }

    public static ArmException invalidRoleAssignmentId(String name) {
        return of(400, "InvalidRoleAssignmentId", "The role assignment ID '" + name + "' is not valid. The role assignment ID must"
                + " be a GUID.");
    }

    public static ArmException roleAssignmentUpdateNotPermitted() {
        return of(400, "RoleAssignmentUpdateNotPermitted", "Tenant ID, application ID, principal ID, and scope are not allowed to"
                + " be updated.");
    }

    public static ArmException roleAssignmentNotFound(String name) {
        return of(404, "RoleAssignmentNotFound", "The role assignment '" + name + "' is not found.");
    }

    public static ArmException unsupportedFilter(String filter) {
        return of(400, "InvalidFilterInQueryString", "The filter '" + filter + "' is not supported.");
    }
}
