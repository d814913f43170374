namespace OutpostServerless.Aws.Protocols;

/// <summary>
/// A typed value that travels as a plain string (a status, a code): code compares named values, the wire
/// carries the string unchanged, and a value AWS adds later still reads.
/// </summary>
public interface IWireValue<TSelf> where TSelf : IWireValue<TSelf>
{
    string Value { get; }

    static abstract TSelf From(string value);
}
