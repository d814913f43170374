namespace OutpostServerless.Aws.Client.Calls;

/// <summary>
/// Sees every call the clients made that an endpoint answered (see <see cref="AwsCall"/>), e.g. to count
/// calls per operation when the endpoint's own books are out of reach. Called on the caller's flow,
/// possibly from several at once: implementations must be thread-safe and quick.
/// </summary>
public interface IAwsCallObserver
{
    void OnAnswered(AwsCall call);
}
