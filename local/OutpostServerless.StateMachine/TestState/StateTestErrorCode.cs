namespace OutpostServerless.StateMachine;

/// <summary>TestState's refusals, by the error code AWS answers them with (botocore TestState errors).</summary>
public enum StateTestErrorCode
{
    InvalidDefinition,
    ValidationException,
}
