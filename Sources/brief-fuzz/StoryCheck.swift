import BriefModel

/// What the sectioner promises about every story it returns (see `ArticleParser`).
enum StoryCheck {
    static func check(_ story: Story) {
        // Lines end at LF or CR only (`ParagraphText.lines`); other separators are neutralised when shown.
        Invariant.require(!isMultiline(story.title), "headline spans lines: \(story.title.debugDescription)")
        for (index, section) in story.sections.enumerated() {
            Invariant.require(!section.paragraphs.isEmpty || section.title != nil,
                              "section \(index) has neither paragraphs nor a title")
            Invariant.require(section.kind != .lede || index == 0, "lede is section \(index), not the first")
            if let title = section.title {
                Invariant.require(!isMultiline(title), "section title spans lines: \(title.debugDescription)")
            }
            for paragraph in section.paragraphs {
                Invariant.require(Invariant.isTrimmed(paragraph.text),
                                  "paragraph empty or not trimmed: \(paragraph.text.debugDescription)")
            }
        }
        for quote in story.quotes {
            Invariant.require(!quote.text.isEmpty, "empty quote")
        }
        // Every string reaches a screen through the sanitiser.
        TerminalTextCheck.requireSafe(TerminalText.sanitize(story.title), keepNewlines: false)
        for section in story.sections {
            for paragraph in section.paragraphs {
                TerminalTextCheck.requireSafe(TerminalText.sanitize(paragraph.text, keepNewlines: true), keepNewlines: true)
            }
        }
    }

    private static func isMultiline(_ text: String) -> Bool {
        text.utf8.contains(0x0A) || text.utf8.contains(0x0D)
    }
}
