using System.Text.RegularExpressions;

namespace OutpostServerless.StateMachine.Jsonata.Syntax;

/// <summary>
/// A node of a parsed JSONata expression, in the shape jsonata-js evaluates: paths are lists of steps,
/// a filter on a path step is one of its <see cref="Stages"/>, a filter elsewhere a <see cref="Predicates"/> entry.
/// </summary>
internal abstract class Node(int position)
{
    public int Position { get; } = position;

    /// <summary>Filters applied to this node's whole value (not a path step).</summary>
    public List<Node>? Predicates { get; set; }

    /// <summary>Filters applied per item when this node is a path step.</summary>
    public List<Node>? Stages { get; set; }

    /// <summary>A grouping object constructor following the expression: <c>expr{key: value}</c>.</summary>
    public ObjectNode? Group { get; set; }

    /// <summary><c>expr[]</c>: keep a singleton result as an array.</summary>
    public bool KeepArray { get; set; }
}

internal sealed class PathNode(int position, List<Node> steps) : Node(position)
{
    public List<Node> Steps { get; } = steps;

    public bool KeepSingletonArray { get; set; }
}

internal sealed class NameNode(int position, string name) : Node(position)
{
    public string Name { get; } = name;
}

/// <summary><c>$name</c>; the empty name is the context value <c>$</c>, <c>"$"</c> is the root <c>$$</c>.</summary>
internal sealed class VariableNode(int position, string name) : Node(position)
{
    public string Name { get; } = name;
}

internal sealed class LiteralNode(int position, object? value) : Node(position)
{
    public object? Value { get; } = value;
}

internal sealed class RegexNode(int position, Regex regex) : Node(position)
{
    public Regex Regex { get; } = regex;
}

internal sealed class WildcardNode(int position) : Node(position);

internal sealed class DescendantNode(int position) : Node(position);

internal sealed class NegateNode(int position, Node operand) : Node(position)
{
    public Node Operand { get; } = operand;
}

internal sealed class ArrayNode(int position, List<Node> items) : Node(position)
{
    public List<Node> Items { get; } = items;

    /// <summary>An array constructor at the start or end of a path: its result is not flattened.</summary>
    public bool ConsArray { get; set; }
}

internal sealed class ObjectNode(int position, List<(Node Key, Node Value)> pairs) : Node(position)
{
    public List<(Node Key, Node Value)> Pairs { get; } = pairs;
}

internal sealed class BinaryNode(int position, string op, Node left, Node right) : Node(position)
{
    public string Operator { get; } = op;

    public Node Left { get; } = left;

    public Node Right { get; } = right;
}

internal sealed class ConditionNode(int position, Node condition, Node then, Node? otherwise) : Node(position)
{
    public Node Condition { get; } = condition;

    public Node Then { get; } = then;

    public Node? Otherwise { get; } = otherwise;
}

internal sealed class BlockNode(int position, List<Node> expressions) : Node(position)
{
    public List<Node> Expressions { get; } = expressions;
}

internal sealed class BindNode(int position, string variable, Node value) : Node(position)
{
    public string Variable { get; } = variable;

    public Node Value { get; } = value;
}

internal sealed class CallNode(int position, Node procedure, List<Node> arguments) : Node(position)
{
    public Node Procedure { get; } = procedure;

    public List<Node> Arguments { get; } = arguments;

    /// <summary>Some arguments are <c>?</c>: the call makes a partially applied function.</summary>
    public bool IsPartial => Arguments.Exists(a => a is PlaceholderNode);
}

internal sealed class PlaceholderNode(int position) : Node(position);

internal sealed class LambdaNode(int position, List<string> parameters, Node body) : Node(position)
{
    public List<string> Parameters { get; } = parameters;

    public Node Body { get; } = body;
}

/// <summary><c>lhs ~> rhs</c>: applies the function <c>rhs</c> to <c>lhs</c>.</summary>
internal sealed class ApplyNode(int position, Node left, Node right) : Node(position)
{
    public Node Left { get; } = left;

    public Node Right { get; } = right;
}

/// <summary>A path step <c>^(&lt;a, &gt;b)</c> that orders the items.</summary>
internal sealed class SortNode(int position, List<(bool Descending, Node Term)> terms) : Node(position)
{
    public List<(bool Descending, Node Term)> Terms { get; } = terms;
}
