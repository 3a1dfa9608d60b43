import Testing
import BriefModel

@Suite("Turning feed HTML into paragraphs")
struct HTMLTextTests {
    @Test("Block elements end paragraphs and inline markup is removed")
    func blocksAndInline() {
        let html = "<div><p>Talks <a href='x'>resumed</a> <em>today</em>.</p>Loose text<blockquote>Quoted line</blockquote></div>"
        #expect(HTMLText.paragraphs(html) == ["Talks resumed today.", "Loose text", "Quoted line"])
    }

    @Test("Nested blocks give one paragraph per innermost text run, never empty ones")
    func nestedBlocks() {
        let html = "<div><div><p>One</p></div><section><div>Two <span>parts</span></div></section><p>  </p><p>&nbsp;</p></div>"
        #expect(HTMLText.paragraphs(html) == ["One", "Two parts"])
    }

    @Test("Headings are kept as heading blocks with their level")
    func headings() {
        let blocks = HTMLText.blocks("<h1>Title</h1><p>Lede.</p><h3>Background</h3><p>Detail.</p>")
        #expect(blocks == [
            HTMLBlock(kind: .heading(level: 1), text: "Title"),
            HTMLBlock(kind: .paragraph, text: "Lede."),
            HTMLBlock(kind: .heading(level: 3), text: "Background"),
            HTMLBlock(kind: .paragraph, text: "Detail."),
        ])
    }

    @Test("List items become bulleted or numbered paragraphs, nested lists numbered on their own")
    func lists() {
        let html = "<ul><li>Alpha</li><li><p>Beta</p></li></ul><ol><li>First<ol><li>Inner</li></ol></li><li>Second</li></ol>"
        #expect(HTMLText.paragraphs(html) == ["• Alpha", "• Beta", "1. First", "1. Inner", "2. Second"])
    }

    @Test("One br is a line break and two end the paragraph")
    func lineBreaks() {
        let html = "Line one<br>line two<br/><br />Next paragraph<br>"
        #expect(HTMLText.paragraphs(html) == ["Line one\nline two", "Next paragraph"])
    }

    @Test("Named and numeric character references are decoded; unknown ones are kept as written")
    func entities() {
        let html = "<p>Caf&eacute; &mdash; &#8220;quoted&#x201D; &amp; &lt;tag&gt; &euro;5 &hellip; &#150; &bogus; AT&T</p>"
        #expect(HTMLText.paragraphs(html) == ["Café — “quoted” & <tag> €5 … – &bogus; AT&T"])
    }

    @Test("No-break spaces are ordinary spaces")
    func noBreakSpaces() {
        #expect(HTMLText.paragraphs("<p>10&nbsp;km&nbsp;&nbsp;north</p>") == ["10 km north"])
    }

    @Test("Scripts, styles and comments are dropped, including ones that hide markup")
    func droppedContent() {
        let html = """
        <p>Before</p><script type="text/javascript">if (a < b) { document.write("<p>x</p>") }</script>
        <style>p { color: red }</style><!-- <p>hidden</p> --><p>After</p><SCRIPT>bad()</SCRIPT >
        """
        #expect(HTMLText.paragraphs(html) == ["Before", "After"])
    }

    @Test("Preformatted text keeps its lines and spacing")
    func preformatted() {
        #expect(HTMLText.paragraphs("<pre>\nrow  one\n  row two\n</pre>") == ["row  one\n  row two"])
    }

    @Test("Table rows are paragraphs with cells separated by spaces")
    func tables() {
        let html = "<table><tr><th>Port</th><th>Ships</th></tr><tr><td>Odesa</td><td>12</td></tr></table>"
        #expect(HTMLText.paragraphs(html) == ["Port Ships", "Odesa 12"])
    }

    @Test("Broken markup never loses text")
    func brokenMarkup() {
        #expect(HTMLText.paragraphs("<p>a < b and <b>bold<p>next") == ["a < b and bold", "next"])
        #expect(HTMLText.paragraphs("text <unclosed") == ["text"])
        #expect(HTMLText.paragraphs("") == [])
        #expect(HTMLText.paragraphs("<a title = 'x > y' href=\"/q\">link</a> <p class=odd'>kept</p>") == ["link", "kept"])
    }

    @Test("Terminal escapes in text are kept, not interpreted or dropped, for the display to neutralise")
    func hostileTextKept() {
        #expect(HTMLText.paragraphs("<p>red\u{1B}[31m flag\u{202E}</p>") == ["red\u{1B}[31m flag\u{202E}"])
    }
}
