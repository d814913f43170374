namespace OutpostServerless.Aws.Client.Http;

/// <summary>Reads a protocol's error document (JSON <c>__type</c>, query <c>&lt;ErrorResponse&gt;</c>, …).</summary>
public interface IErrorParser
{
    AwsError Parse(AwsResponse response);
}
