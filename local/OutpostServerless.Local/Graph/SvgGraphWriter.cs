using System.Globalization;
using System.Net;
using System.Text;

namespace OutpostServerless.Local.Graph;

/// <summary>
/// Draws a laid-out state machine as SVG: each state a rounded box (name, type, retries) coloured by its outcome
/// on the execution's path, transitions as arrows (Catch edges dashed), and a legend of the colours.
/// </summary>
public static class SvgGraphWriter
{
    private const double LegendHeight = 34;

    public static string Write(StateGraphPicture picture, ExecutionPath path, string title)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(path);
        // Room on the right for the labels of edges routed along the edge of the picture.
        var width = Math.Max(picture.Width + 60, 640);
        var height = picture.Height + LegendHeight + 28;
        var svg = new StringBuilder();
        svg.Append(Invariant($"""<svg xmlns="http://www.w3.org/2000/svg" width="{width:0}" height="{height:0}" viewBox="0 0 {width:0} {height:0}" font-family="DejaVu Sans, Arial, sans-serif" role="img" aria-label="{Escape(title)}">""")).Append('\n');
        svg.Append($"<title>{Escape(title)}</title>\n");
        svg.Append("""<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#545b64"/></marker></defs>""").Append('\n');
        svg.Append(Invariant($"""<rect width="{width:0}" height="{height:0}" fill="#ffffff"/>""")).Append('\n');
        svg.Append(Invariant($"""<text x="12" y="20" font-size="14" font-weight="bold" fill="#16191f">{Escape(title)}</text>""")).Append('\n');
        svg.Append("""<g transform="translate(0,28)">""").Append('\n');
        foreach (var transition in picture.Transitions.Where(t => t.Points.Count > 1))
        {
            var points = string.Join(' ', transition.Points.Select(p => Invariant($"{p.X:0.#},{p.Y:0.#}")));
            var caught = transition.Field.StartsWith("Catch", StringComparison.Ordinal);
            svg.Append(Invariant($"""<polyline points="{points}" fill="none" stroke="#545b64" stroke-width="1.4"{(caught ? " stroke-dasharray=\"5,4\"" : string.Empty)} marker-end="url(#arrow)"><title>{Escape(transition.From)} → {Escape(transition.To)} ({Escape(transition.Field)})</title></polyline>""")).Append('\n');
            if (transition.Field != "Next")
            {
                var middle = transition.Points[transition.Points.Count / 2];
                svg.Append(Invariant($"""<text x="{middle.X + 4:0.#}" y="{middle.Y:0.#}" font-size="10" fill="#545b64">{Escape(Label(transition.Field))}</text>""")).Append('\n');
            }
        }

        foreach (var state in picture.States)
        {
            var outcome = path.OutcomeOf(state.Name);
            var (stroke, fill) = Colours(outcome);
            var retries = path.RetriesOf(state.Name);
            var caption = state.Type + (retries > 0 ? Invariant($" · {retries} retr{(retries == 1 ? "y" : "ies")}") : string.Empty);
            // data-state and data-outcome let the local console select a state and style it; they change nothing drawn.
            svg.Append(Invariant($"""<g data-state="{Escape(state.Name)}" data-outcome="{outcome}"><title>{Escape(state.Name)}: {Escape(state.Type)}, {outcome}{(retries > 0 ? Invariant($", {retries} retries") : string.Empty)}</title>""")).Append('\n');
            svg.Append(Invariant($"""<rect x="{state.X:0.#}" y="{state.Y:0.#}" width="{state.Width:0.#}" height="{state.Height:0.#}" rx="8" fill="{fill}" stroke="{stroke}" stroke-width="{(outcome == StateOutcome.NotRun ? 1 : 2.2)}"/>""")).Append('\n');
            svg.Append(Invariant($"""<text x="{state.X + state.Width / 2:0.#}" y="{state.Y + 18:0.#}" font-size="12" text-anchor="middle" fill="#16191f">{Escape(state.Name)}</text>""")).Append('\n');
            svg.Append(Invariant($"""<text x="{state.X + state.Width / 2:0.#}" y="{state.Y + 34:0.#}" font-size="10" text-anchor="middle" fill="#545b64">{Escape(caption)}</text></g>""")).Append('\n');
        }

        svg.Append("</g>\n");
        var x = 12.0;
        var y = picture.Height + 28 + 12;
        foreach (var outcome in Enum.GetValues<StateOutcome>())
        {
            var (stroke, fill) = Colours(outcome);
            svg.Append(Invariant($"""<rect x="{x:0}" y="{y:0}" width="14" height="14" rx="3" fill="{fill}" stroke="{stroke}" stroke-width="2"/><text x="{x + 20:0}" y="{y + 11:0}" font-size="11" fill="#16191f">{Legend(outcome)}</text>""")).Append('\n');
            x += 100;
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>Stroke and fill per outcome, after the Step Functions console's graph view (contrast ≥ 4.5:1 on white for the strokes).</summary>
    private static (string Stroke, string Fill) Colours(StateOutcome outcome) => outcome switch
    {
        StateOutcome.Succeeded => ("#1d8102", "#e9f5e3"),
        StateOutcome.Retried => ("#8d6605", "#fdf6d9"),
        StateOutcome.Caught => ("#b45309", "#fff1e0"),
        StateOutcome.Failed => ("#d13212", "#fde8e4"),
        StateOutcome.Waiting => ("#0972d3", "#e8f2fd"),
        _ => ("#7d8998", "#ffffff"),
    };

    private static string Legend(StateOutcome outcome) => outcome switch
    {
        StateOutcome.NotRun => "not run",
        StateOutcome.Waiting => "in progress",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    private static string Label(string field) => field.EndsWith(".Next", StringComparison.Ordinal) ? field[..^".Next".Length] : field;

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
