import Foundation
import Testing
import BriefModel

/// Encodings settled as browsers settle them: mark, transport charset, declaration, then detection.
@Suite("Reading feeds in every encoding")
struct FeedEncodingTests {
    /// An RSS feed with one item titled `title`, in bytes made by `encode` (the markup is ASCII in every encoding).
    static func feed(declaring declaration: String? = nil, title: [UInt8]) -> Data {
        var data = Data()
        if let declaration { data.append(contentsOf: "<?xml version=\"1.0\" encoding=\"\(declaration)\"?>\n".utf8) }
        data.append(contentsOf: "<rss><channel><title>Desk</title><item><title>".utf8)
        data.append(contentsOf: title)
        data.append(contentsOf: "</title><link>https://enc.example/1</link></item></channel></rss>".utf8)
        return data
    }

    /// "Переговоры в Осло продолжаются" (talks in Oslo continue), a Russian headline.
    static let russian = "Переговоры в Осло продолжаются"

    @Test("Undeclared windows-1252 is detected, read correctly, and the fallback is reported")
    func undeclaredWindows1252() throws {
        // Given a feed that declares nothing and has curly quotes and an accent in windows-1252
        let data = Self.feed(title: [0x93] + Array("Caf".utf8) + [0xE9, 0x94] + Array(" talks".utf8))
        // When it is parsed
        let feed = try FeedParser.parse(data)
        // Then the title reads as meant, and the guess is reported
        #expect(feed.items.first?.title == "“Café” talks")
        #expect(feed.encodingFallback == "windows-1252")
        #expect(feed.notes.contains("read as windows-1252 (guessed)"))
    }

    @Test("A feed declared UTF-8 whose bytes are not UTF-8 is read by detection, and says so")
    func wrongDeclaration() throws {
        let data = Self.feed(declaring: "UTF-8", title: Array("Caf".utf8) + [0xE9])
        let feed = try FeedParser.parse(data)
        #expect(feed.items.first?.title == "Café")
        #expect(feed.encodingFallback == "windows-1252")
    }

    /// The headline in each legacy Cyrillic charset.
    static let russianBytes: [String: [UInt8]] = [
        "windows-1251": [0xCF, 0xE5, 0xF0, 0xE5, 0xE3, 0xEE, 0xE2, 0xEE, 0xF0, 0xFB, 0x20, 0xE2, 0x20, 0xCE, 0xF1, 0xEB,
                         0xEE, 0x20, 0xEF, 0xF0, 0xEE, 0xE4, 0xEE, 0xEB, 0xE6, 0xE0, 0xFE, 0xF2, 0xF1, 0xFF],
        "koi8-r": [0xF0, 0xC5, 0xD2, 0xC5, 0xC7, 0xCF, 0xD7, 0xCF, 0xD2, 0xD9, 0x20, 0xD7, 0x20, 0xEF, 0xD3, 0xCC, 0xCF,
                   0x20, 0xD0, 0xD2, 0xCF, 0xC4, 0xCF, 0xCC, 0xD6, 0xC1, 0xC0, 0xD4, 0xD3, 0xD1],
        "iso-8859-5": [0xBF, 0xD5, 0xE0, 0xD5, 0xD3, 0xDE, 0xD2, 0xDE, 0xE0, 0xEB, 0x20, 0xD2, 0x20, 0xBE, 0xE1, 0xDB,
                       0xDE, 0x20, 0xDF, 0xE0, 0xDE, 0xD4, 0xDE, 0xDB, 0xD6, 0xD0, 0xEE, 0xE2, 0xE1, 0xEF],
    ]

    @Test("Undeclared Cyrillic is told apart: windows-1251, KOI8-R and ISO-8859-5",
          arguments: ["windows-1251", "koi8-r", "iso-8859-5"])
    func undeclaredCyrillic(_ name: String) throws {
        // Given a Russian headline in a legacy Cyrillic charset, declared nowhere
        let bytes = try #require(Self.russianBytes[name])
        // When it is parsed
        let feed = try FeedParser.parse(Self.feed(title: bytes))
        // Then the headline reads, and the charset guessed is named
        #expect(feed.items.first?.title == Self.russian)
        #expect(feed.encodingFallback == name)
    }

    @Test("The transport charset outranks the XML declaration, and is not a guess")
    func transportCharset() throws {
        // Given KOI8-R bytes in a document that wrongly declares windows-1251
        let bytes = try #require(Self.russianBytes["koi8-r"])
        let data = Self.feed(declaring: "windows-1251", title: bytes)
        // When the server said koi8-r, then the title reads; without it, the declaration is obeyed
        let told = try FeedParser.parse(data, charset: "koi8-r")
        #expect(told.items.first?.title == Self.russian)
        #expect(told.encodingFallback == nil)
        #expect(try FeedParser.parse(data).items.first?.title != Self.russian)
    }

    @Test("A byte-order mark outranks the transport charset and the declaration")
    func byteOrderMarkFirst() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Self.feed(declaring: "windows-1252", title: Array("Łódź".utf8))
        #expect(try FeedParser.parse(data, charset: "iso-8859-2").items.first?.title == "Łódź")
    }

    @Test("UTF-16 without a byte-order mark is read, in either byte order")
    func utf16WithoutMark() throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss><channel><title>Łódź desk</title></channel></rss>"
        var little = Data()
        var big = Data()
        for unit in text.utf16 {
            little.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)])
            big.append(contentsOf: [UInt8(unit >> 8), UInt8(unit & 0xFF)])
        }
        #expect(try FeedParser.parse(little).title == "Łódź desk")
        #expect(try FeedParser.parse(big).title == "Łódź desk")
        #expect(FeedFormat.detect(data: little) == .rss)
    }

    @Test("UTF-32, with or without a mark, is read")
    func utf32() throws {
        let text = "<rss><channel><title>Мир desk</title></channel></rss>"
        var little = Data()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            little.append(contentsOf: [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)])
        }
        #expect(try FeedParser.parse(little).title == "Мир desk")
        #expect(try FeedParser.parse(Data([0xFF, 0xFE, 0x00, 0x00]) + little).title == "Мир desk")
    }

    @Test("A declaration naming UTF-16 on 8-bit bytes is ignored rather than misleading the parser")
    func utf16LabelOnASCII() throws {
        let data = Self.feed(declaring: "UTF-16", title: Array("Plain title".utf8))
        #expect(try FeedParser.parse(data).items.first?.title == "Plain title")
    }

    @Test("Valid UTF-8 with no declaration is UTF-8, not a guess")
    func plainUTF8() throws {
        let feed = try FeedParser.parse(Self.feed(title: Array("Łódź “talks”".utf8)))
        #expect(feed.items.first?.title == "Łódź “talks”")
        #expect(feed.encodingFallback == nil)
        #expect(feed.notes.isEmpty)
    }
}
