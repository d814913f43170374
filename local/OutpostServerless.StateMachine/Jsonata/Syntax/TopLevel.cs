namespace OutpostServerless.StateMachine.Jsonata.Syntax;

/// <summary>
/// What an expression reads from the context value at its top level: the first step of a path (not its
/// later steps, filters, sort terms or groupings, which read the path's own items), including inside
/// lambda bodies, which keep the context they are defined in. Step Functions gives JSONata no context
/// value, so AWS refuses such references when the state machine is created.
/// </summary>
internal static class TopLevel
{
    public static IReadOnlyList<string> References(Node root)
    {
        var found = new List<string>();
        Visit(root, found);
        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void Visit(Node? node, List<string> found)
    {
        switch (node)
        {
            case null:
                return;
            case PathNode path:
                switch (path.Steps[0])
                {
                    case NameNode name:
                        found.Add(name.Name);
                        break;
                    case WildcardNode:
                        found.Add("*");
                        break;
                    case DescendantNode:
                        found.Add("**");
                        break;
                    default:
                        Visit(path.Steps[0], found);
                        break;
                }

                return;
            case VariableNode { Name: "" }:
                found.Add("$");
                return;
            case VariableNode { Name: "$" }:
                found.Add("$$");
                return;
            case BinaryNode binary:
                Visit(binary.Left, found);
                Visit(binary.Right, found);
                return;
            case NegateNode negate:
                Visit(negate.Operand, found);
                return;
            case ArrayNode array:
                array.Items.ForEach(i => Visit(i, found));
                return;
            case ObjectNode obj:
                obj.Pairs.ForEach(p =>
                {
                    Visit(p.Key, found);
                    Visit(p.Value, found);
                });
                return;
            case ConditionNode condition:
                Visit(condition.Condition, found);
                Visit(condition.Then, found);
                Visit(condition.Otherwise, found);
                return;
            case BlockNode block:
                block.Expressions.ForEach(e => Visit(e, found));
                return;
            case BindNode bind:
                Visit(bind.Value, found);
                return;
            case CallNode call:
                Visit(call.Procedure, found);
                call.Arguments.ForEach(a => Visit(a, found));
                return;
            case LambdaNode lambda:
                Visit(lambda.Body, found);
                return;
            case ApplyNode apply:
                Visit(apply.Left, found);
                Visit(apply.Right, found);
                return;
        }
    }
}
