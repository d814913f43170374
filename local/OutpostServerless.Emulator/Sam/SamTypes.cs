namespace OutpostServerless.Emulator.Sam;

/// <summary>The resource types the local stack reads, as template.yaml spells them.</summary>
internal static class SamTypes
{
    public const string Function = "AWS::Serverless::Function";
    public const string StateMachine = "AWS::Serverless::StateMachine";
    public const string Alarm = "AWS::CloudWatch::Alarm";
    public const string LogGroup = "AWS::Logs::LogGroup";
    public const string Role = "AWS::IAM::Role";
    public const string RestApi = "AWS::ApiGateway::RestApi";
    public const string ApiResource = "AWS::ApiGateway::Resource";
    public const string ApiMethod = "AWS::ApiGateway::Method";
    public const string ApiModel = "AWS::ApiGateway::Model";
    public const string ApiRequestValidator = "AWS::ApiGateway::RequestValidator";
    public const string EventsRule = "AWS::Events::Rule";
    public const string Table = "AWS::DynamoDB::Table";

    /// <summary>What <c>!GetAtt Api.RootResourceId</c> stands for locally: the path <c>/</c>.</summary>
    public const string RootResource = "/";
}
