using Microsoft.Msagl.Core.Geometry;
using Microsoft.Msagl.Core.Geometry.Curves;
using Microsoft.Msagl.Core.Layout;
using Microsoft.Msagl.Layout.Layered;
using Microsoft.Msagl.Miscellaneous;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.Graph;

/// <summary>
/// A state machine's top-level states laid out as the Step Functions console draws them — start at the top,
/// transitions flowing down — by MSAGL's layered (Sugiyama) layout, in SVG coordinates (y grows downwards).
/// A Parallel or Map state is one node; its branches are not drawn inside it.
/// </summary>
public static class StateGraphLayout
{
    private const double CharWidth = 7.4;
    private const double NodeHeight = 44;
    private const double Margin = 24;

    public static StateGraphPicture Lay(StateMachineDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var states = definition.States.Where(s => s.Parent is null).ToList();
        var graph = new GeometryGraph();
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var state in states)
        {
            var width = Math.Max(state.Name.Length, state.Type.Length + 4) * CharWidth + 28;
            var node = new Node(CurveFactory.CreateRectangleWithRoundedCorners(width, NodeHeight, 8, 8, new Point()), state.Name);
            nodes[state.Name] = node;
            graph.Nodes.Add(node);
        }

        var edges = new List<(StateEdge Transition, string From, Edge Geometry)>();
        foreach (var state in states)
        {
            foreach (var transition in state.Edges.Where(e => nodes.ContainsKey(e.Target)))
            {
                var edge = new Edge(nodes[state.Name], nodes[transition.Target]);
                graph.Edges.Add(edge);
                edges.Add((transition, state.Name, edge));
            }
        }

        var settings = new SugiyamaLayoutSettings { NodeSeparation = 28, LayerSeparation = 36 };
        LayoutHelpers.CalculateLayout(graph, settings, null);

        var box = graph.BoundingBox;
        // MSAGL's y grows upwards: flip it, and move the picture to the margin.
        Point ToSvg(Point p) => new(p.X - box.Left + Margin, box.Top - p.Y + Margin);
        var laidNodes = states.Select(s =>
        {
            var node = nodes[s.Name];
            var center = ToSvg(node.Center);
            return new LaidState(s.Name, s.Type, center.X - node.Width / 2, center.Y - node.Height / 2, node.Width, node.Height, s.Name == definition.StartAt, s.IsEnd);
        }).ToList();
        var laidEdges = edges.Select(e =>
        {
            var curve = e.Geometry.Curve;
            var points = curve is null
                ? []
                : Enumerable.Range(0, 25).Select(i => ToSvg(curve[curve.ParStart + (curve.ParEnd - curve.ParStart) * i / 24])).Select(p => (p.X, p.Y)).ToList();
            return new LaidTransition(e.From, e.Transition.Target, e.Transition.Field, points);
        }).ToList();
        return new StateGraphPicture(box.Width + 2 * Margin, box.Height + 2 * Margin, laidNodes, laidEdges);
    }
}

/// <summary>A laid-out graph: its size, the states' boxes and the transitions' polylines.</summary>
public sealed record StateGraphPicture(double Width, double Height, IReadOnlyList<LaidState> States, IReadOnlyList<LaidTransition> Transitions);

/// <summary>A state's box (top-left corner and size).</summary>
public sealed record LaidState(string Name, string Type, double X, double Y, double Width, double Height, bool IsStart, bool IsEnd);

/// <summary>A transition's path from its state to its target, as points; <see cref="Field"/> names it (Next, Default, Choices[0].Next, Catch[0].Next).</summary>
public sealed record LaidTransition(string From, string To, string Field, IReadOnlyList<(double X, double Y)> Points);
