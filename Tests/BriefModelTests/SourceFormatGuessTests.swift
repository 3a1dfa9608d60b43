import Testing
import BriefModel

@Suite("Guessing a file's format")
struct SourceFormatGuessTests {
    @Test("Markdown extensions give Markdown, in any case", arguments: [
        "notes.md", "dir/brief.MD", "/tmp/x.markdown", "a.b.Markdown",
    ])
    func markdown(path: String) {
        #expect(SourceFormat.guess(path: path) == .markdown)
    }

    @Test("anything else is an article", arguments: ["story.txt", "story", ".md", "dir.md/story", "x.mdx", "README"])
    func article(path: String) {
        #expect(SourceFormat.guess(path: path) == .article)
    }
}
