package com.postwarden.spam.message;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Renders an HTML part to text the way a reader sees it and collects its links, in one traversal of jsoup's
 * lenient HTML5 tree: script, style, head and template are dropped, link text is kept, block elements and
 * {@code <br>} become line breaks, {@code alt} text of images is kept. URIs come from {@code href}
 * ({@code a}, {@code area}, {@code link}, {@code base}), {@code src} ({@code img}, {@code iframe}, {@code frame},
 * {@code embed}, {@code script}), {@code action} ({@code form}) and {@code background}. Thread-safe (stateless).
 */
final class HtmlRenderer {
    private static final Set<String> DROPPED = Set.of("script", "style", "head", "template", "noscript", "title");
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2",
            "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "section", "article", "header", "footer", "center",
            "dd", "dt", "dl", "form", "address", "body", "html", "td", "th");
    private static final String[] LINK_ATTRIBUTES = {"href", "src", "action", "background"};

    void render(String html, CappedText text, UriCollector uris) {
        Document document = Jsoup.parse(html);
        NodeTraversor.filter(new Renderer(text, uris), document);
    }

    private static final class Renderer implements NodeFilter {
        private final CappedText text;
        private final UriCollector uris;

        Renderer(CappedText text, UriCollector uris) {
            this.text = text;
            this.uris = uris;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode) {
                String words = ((TextNode) node).getWholeText();
                appendCollapsed(words);
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element)) {
                return FilterResult.CONTINUE;
            }
            Element element = (Element) node;
            String tag = element.normalName();
            for (String attribute : LINK_ATTRIBUTES) {
                if (element.hasAttr(attribute)) {
                    uris.add(element.attr(attribute));
                }
            }
            if (DROPPED.contains(tag)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (BLOCKS.contains(tag)) {
                text.newline();
            } else if ("img".equals(tag) && !element.attr("alt").isBlank()) {
                appendCollapsed(element.attr("alt"));
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element && BLOCKS.contains(((Element) node).normalName())) {
                text.newline();
            }
            return text.full() ? FilterResult.STOP : FilterResult.CONTINUE;
        }

        /** Appends text with runs of whitespace collapsed to one space, as a browser shows it. */
        private void appendCollapsed(String words) {
            boolean space = false;
            for (int i = 0; i < words.length() && !text.full(); i++) {
                char c = words.charAt(i);
                if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
                    space = true;
                } else {
                    if (space) {
                        text.append(' ');
                        space = false;
                    }
                    text.append(c);
                }
            }
            if (space) {
                text.append(' ');
            }
        }
    }
}
