package org.fmmbench.harness.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A document as a list of blocks, rendered both as Markdown (images linked beside it) and as one self-contained HTML
 * page (images embedded as data URIs, so the file can be mailed or archived alone). The one document builder of the
 * harness: the run report, the comparison of two runs and the scaling targets are written with it.
 */
public final class ReportDocument {
    private interface Block {
    }

    private record Heading(int level, String text) implements Block {
    }

    private record Paragraph(String text) implements Block {
    }

    private record Bullets(List<String> items) implements Block {
    }

    private record Table(List<String> header, List<List<String>> rows) implements Block {
    }

    private record Image(String file, String alt) implements Block {
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    public ReportDocument(String title) {
        this.title = title;
    }

    public ReportDocument heading(int level, String text) {
        blocks.add(new Heading(level, text));
        return this;
    }

    public ReportDocument paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    public ReportDocument bullets(List<String> items) {
        if (!items.isEmpty()) {
            blocks.add(new Bullets(List.copyOf(items)));
        }
        return this;
    }

    public ReportDocument table(List<String> header, List<List<String>> rows) {
        blocks.add(new Table(List.copyOf(header), List.copyOf(rows)));
        return this;
    }

    /** @param file path relative to the report directory */
    public ReportDocument image(String file, String alt) {
        blocks.add(new Image(file, alt));
        return this;
    }

    public String toMarkdown() {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                md.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (b instanceof Paragraph p) {
                md.append(p.text()).append("\n\n");
            } else if (b instanceof Bullets l) {
                l.items().forEach(i -> md.append("- ").append(i).append('\n'));
                md.append('\n');
            } else if (b instanceof Table t) {
                md.append(mdRow(t.header()));
                md.append(mdRow(t.header().stream().map(c -> "---").toList()));
                t.rows().forEach(r -> md.append(mdRow(r)));
                md.append('\n');
            } else if (b instanceof Image i) {
                md.append("![").append(i.alt()).append("](").append(i.file()).append(")\n\n");
            }
        }
        return md.toString();
    }

    public String toHtml(Path reportDir) throws IOException {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(esc(title)).append("</title><style>")
                .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:3px 8px;")
                .append("text-align:right}th{background:#eee}td:first-child,th:first-child{text-align:left}")
                .append("img{max-width:100%}code{background:#f4f4f4}</style></head><body>\n<h1>")
                .append(esc(title)).append("</h1>\n");
        for (Block b : blocks) {
            if (b instanceof Heading x) {
                h.append("<h").append(x.level()).append('>').append(esc(x.text())).append("</h").append(x.level())
                        .append(">\n");
            } else if (b instanceof Paragraph p) {
                h.append("<p>").append(code(esc(p.text()))).append("</p>\n");
            } else if (b instanceof Bullets l) {
                h.append("<ul>");
                l.items().forEach(i -> h.append("<li>").append(code(esc(i))).append("</li>"));
                h.append("</ul>\n");
            } else if (b instanceof Table t) {
                h.append("<table><tr>");
                t.header().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
                h.append("</tr>");
                for (List<String> r : t.rows()) {
                    h.append("<tr>");
                    r.forEach(c -> h.append("<td>").append(code(esc(c))).append("</td>"));
                    h.append("</tr>");
                }
                h.append("</table>\n");
            } else if (b instanceof Image i) {
                byte[] png = Files.readAllBytes(reportDir.resolve(i.file()));
                h.append("<p><img alt=\"").append(esc(i.alt())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(png)).append("\"></p>\n");
            }
        }
        return h.append("</body></html>\n").toString();
    }

    private static String mdRow(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|").replace("\n", " ")).toList())
                + " |\n";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Markdown's inline code spans, the only inline markup the report uses. */
    private static String code(String html) {
        return html.replaceAll("`([^`]+)`", "<code>$1</code>");
    }
}
