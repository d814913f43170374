using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace OutpostServerless.Emulator.DynamoDb;

/// <summary>
/// DynamoDB's errors as the SDK's own exception types, with DynamoDB's codes and message wording
/// (API Reference, "Common Errors" and each operation's "Errors").
/// </summary>
internal static class DynamoDbErrors
{
    public const string ConditionalCheckFailed = "ConditionalCheckFailedException";
    public const string ResourceNotFound = "ResourceNotFoundException";
    public const string ResourceInUse = "ResourceInUseException";
    public const string Validation = "ValidationException";

    public static AmazonDynamoDBException Invalid(string message) =>
        new(message, ErrorType.Sender, Validation, string.Empty, HttpStatusCode.BadRequest);

    /// <summary>A parameter value DynamoDB refuses, in its wording: <c>One or more parameter values were invalid: …</c>.</summary>
    public static AmazonDynamoDBException InvalidParameter(string reason) => Invalid("One or more parameter values were invalid: " + reason);

    /// <summary>The legacy (pre-expression) parameters are not evaluated here: answering them as if absent would be kinder than DynamoDB.</summary>
    public static AmazonDynamoDBException LegacyParameters(IEnumerable<string> names) =>
        Invalid($"The emulated DynamoDB evaluates expressions only; use ConditionExpression, UpdateExpression, KeyConditionExpression, FilterExpression or ProjectionExpression instead of: {string.Join(", ", names)}");

    public static AmazonDynamoDBException KeyDoesNotMatchSchema() => Invalid("The provided key element does not match the schema");

    /// <summary>An item operation on a table that does not exist (or is not ACTIVE yet): DynamoDB names no table.</summary>
    public static ResourceNotFoundException TableNotFound() =>
        new("Requested resource not found", ErrorType.Sender, ResourceNotFound, string.Empty, HttpStatusCode.BadRequest);

    /// <summary>DescribeTable of a table that does not exist names it.</summary>
    public static ResourceNotFoundException TableNotFound(string tableName) =>
        new($"Requested resource not found: Table: {tableName} not found", ErrorType.Sender, ResourceNotFound, string.Empty, HttpStatusCode.BadRequest);

    public static ResourceInUseException TableExists(string tableName) =>
        new($"Table already exists: {tableName}", ErrorType.Sender, ResourceInUse, string.Empty, HttpStatusCode.BadRequest);

    /// <summary>The condition was false; with <c>ReturnValuesOnConditionCheckFailure: ALL_OLD</c> the item as it was.</summary>
    public static ConditionalCheckFailedException ConditionFailed(Dictionary<string, AttributeValue>? item) =>
        new("The conditional request failed", ErrorType.Sender, ConditionalCheckFailed, string.Empty, HttpStatusCode.BadRequest) { Item = item };
}
