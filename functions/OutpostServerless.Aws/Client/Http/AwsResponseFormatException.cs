namespace OutpostServerless.Aws.Client.Http;

/// <summary>A success answer our client cannot read: not the document the operation's model describes.</summary>
public sealed class AwsResponseFormatException(string service, string operation, string detail, Exception? cause = null)
    : Exception($"{service}:{operation} answered with a document that does not match the operation's output: {detail}", cause)
{
    public string Service { get; } = service;
    public string Operation { get; } = operation;
}
