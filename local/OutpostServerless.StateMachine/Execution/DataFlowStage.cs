namespace OutpostServerless.StateMachine.Execution;

/// <summary>
/// The stages of a state's data flow, in the order they run, named as TestState's <c>inspectionData</c> names
/// them (botocore <c>stepfunctions</c> 2016-11-23, shape InspectionData).
/// </summary>
internal enum DataFlowStage
{
    /// <summary>JSONPath: the input after InputPath.</summary>
    AfterInputPath,

    /// <summary>JSONPath: the effective input after Parameters.</summary>
    AfterParameters,

    /// <summary>JSONata: the input after Arguments.</summary>
    AfterArguments,

    /// <summary>The state's raw result (the task's, or a Pass state's Result).</summary>
    Result,

    /// <summary>JSONPath: the result after ResultSelector.</summary>
    AfterResultSelector,

    /// <summary>JSONPath: the raw input with the result placed by ResultPath.</summary>
    AfterResultPath,
}
