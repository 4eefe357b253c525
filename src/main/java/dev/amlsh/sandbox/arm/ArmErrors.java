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

    public static ArmException expiredAuthenticationToken(String expiry, String now) {
        return of(401, "ExpiredAuthenticationToken", "The access token expiry UTC time '" + expiry
                + "' is earlier than current UTC time '" + now + "'.");
    }

    public static ArmException invalidTokenAudience(String audience) {
        return of(401, "InvalidAuthenticationTokenAudience", "The access token has been obtained for wrong audience or resource '"
                + audience + "'. It should exactly match with one of the allowed audiences " + ALLOWED_AUDIENCES + ".");
    }

    public static ArmException authorizationFailed(String objectId, String action, String scope) {
        return of(403, "AuthorizationFailed", "The client '" + objectId + "' with object id '" + objectId
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
}
