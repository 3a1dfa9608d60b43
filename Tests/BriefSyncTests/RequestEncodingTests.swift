import BriefSync
import Foundation
import Testing

/// What the clients put on the wire, checked without a server.
struct RequestEncodingTests {
    private func json(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    @Test func givenALogin_whenEncoded_thenTheBodyCarriesUserAndPassword_butTheDescriptionHidesIt() {
        let request = TTRSSRequest.login(user: "ann", password: "s3cret \"quoted\"")
        #expect(json(request.body(sessionID: nil)) == #"{"op":"login","password":"s3cret \"quoted\"","user":"ann"}"#)
        #expect(request.description == #"login(password: <hidden>, user: "ann")"#)
    }

    @Test func givenASession_whenEncodingACall_thenSidIsSent() {
        #expect(json(TTRSSRequest.getFeeds.body(sessionID: "abc")) == #"{"cat_id":-3,"op":"getFeeds","sid":"abc"}"#)
    }

    @Test func givenMarks_whenEncodingUpdateArticle_thenModeIsAnExplicitSetNeverToggle() {
        #expect(json(TTRSSRequest.updateArticle(ids: [3, 1, 2], field: .unread, value: false).body(sessionID: nil))
            == #"{"article_ids":"3,1,2","field":2,"mode":0,"op":"updateArticle"}"#)
        #expect(json(TTRSSRequest.updateArticle(ids: [9], field: .starred, value: true).body(sessionID: nil))
            == #"{"article_ids":"9","field":0,"mode":1,"op":"updateArticle"}"#)
    }

    @Test func givenAHeadlinePage_whenEncoded_thenPagingAndOrderAreExplicit() {
        let request = TTRSSRequest.getHeadlines(feedID: -4, viewMode: .unread, sinceID: 10, skip: 200, limit: 200, showContent: false)
        #expect(json(request.body(sessionID: nil))
            == #"{"feed_id":-4,"limit":200,"op":"getHeadlines","order_by":"date_reverse","show_content":false,"since_id":10,"skip":200,"view_mode":"unread"}"#)
        // Content comes as the feed had it: Brief reads hostile HTML itself, and the server is spared its sanitiser.
        let content = TTRSSRequest.getHeadlines(feedID: -4, viewMode: .allArticles, sinceID: 0, skip: 0, limit: 200, showContent: true)
        #expect(json(content.body(sessionID: nil)).contains(#""sanitize":false,"show_content":true"#))
        #expect(json(TTRSSRequest.getArticle(ids: [4, 5]).body(sessionID: nil)) == #"{"article_id":"4,5","op":"getArticle","sanitize":false}"#)
    }

    @Test(arguments: [
        ("https://rss.example.org/tt-rss", "https://rss.example.org/tt-rss/api/"),
        ("https://rss.example.org/tt-rss/", "https://rss.example.org/tt-rss/api/"),
        ("https://rss.example.org/tt-rss/api", "https://rss.example.org/tt-rss/api/"),
        ("https://rss.example.org/tt-rss/api/", "https://rss.example.org/tt-rss/api/"),
        ("https://rss.example.org/tt-rss/index.php?x=1", "https://rss.example.org/tt-rss/index.php/api/"),
        ("http://127.0.0.1:8281/", "http://127.0.0.1:8281/api/"),
    ])
    func givenTheBrowserAddress_whenFindingTheTTRSSAPI_thenItIsApiUnderIt(_ base: String, _ expected: String) {
        #expect(TTRSSClient.apiURL(forBase: URL(string: base)!).absoluteString == expected)
    }

    @Test(arguments: [
        ("https://rss.example.org/", "https://rss.example.org/fever/"),
        ("https://rss.example.org/fever", "https://rss.example.org/fever/"),
        ("https://rss.example.org/fever/?api", "https://rss.example.org/fever/"),
        ("https://rss.example.org/api/fever.php", "https://rss.example.org/api/fever.php"),
    ])
    func givenAFeverAddress_whenFindingTheEndpoint_thenFeverIsAddedOnlyWhenMissing(_ base: String, _ expected: String) {
        #expect(FeverClient.endpoint(forBase: URL(string: base)!).absoluteString == expected)
    }

    @Test func givenFeverCredentials_whenMakingTheKey_thenItIsMD5OfEmailColonPassword() {
        // md5("bob@example.org:abcdefghijkl"), as coldsweat stores it.
        #expect(FeverClient.apiKey(email: "bob@example.org", password: "abcdefghijkl") == "42d5dd5e6c7c97295d04ff43248edcbc")
    }

    @Test func givenFeverCalls_whenEncoded_thenCommandsGoInTheQueryAndKeyAndMarksInTheForm() {
        let endpoint = URL(string: "https://rss.example.org/fever/")!
        #expect(FeverRequest.items(since: 42).url(endpoint: endpoint).absoluteString == "https://rss.example.org/fever/?api&items&since_id=42")
        #expect(FeverRequest.feedsAndGroups.url(endpoint: endpoint).absoluteString == "https://rss.example.org/fever/?api&feeds&groups")
        let mark = FeverRequest.mark(item: 7, as: .unsaved)
        #expect(mark.url(endpoint: endpoint).absoluteString == "https://rss.example.org/fever/?api")
        #expect(json(mark.body(apiKey: "k&y")) == "api_key=k%26y&mark=item&as=unsaved&id=7")
    }

    @Test func givenEveryError_whenDescribed_thenItIsOneLineNamingTheServer() {
        let url = "http://rss.example.org/api/"
        let errors: [SyncError] = [
            .unreachable(url: url, reason: "connection refused"), .timedOut(url: url, seconds: 2.5),
            .tooLarge(url: url, limit: 32 * 1_048_576), .tooManyRedirects(url: url, limit: 5),
            .tls(url: url, reason: "x"), .httpStatus(url: url, status: 502), .html(url: url),
            .malformed(url: url, what: "not JSON (3 bytes)"), .loginRefused(user: "ann", url: url),
            .apiDisabled(user: "ann", url: url), .apiLevelTooOld(url: url, found: 9, needed: 15),
            .server(url: url, operation: "getFeeds", error: "E"),
        ]
        for error in errors {
            #expect(!error.description.contains("\n"))
            #expect(error.description.contains(url))
        }
        #expect(SyncError.timedOut(url: url, seconds: 2.5).description.contains("2.5 s"))
        #expect(SyncError.tooLarge(url: url, limit: 32 * 1_048_576).description.contains("32 MiB"))
    }
}
