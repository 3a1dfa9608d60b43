import BriefSync
import Testing

/// TT-RSS's item identity, computed by Brief from the feed's own guid or link. The first value was read from a
/// real tt-rss (scripts/ttrss-server) for an item with that guid; TTRSSLiveTests checks a whole feed.
struct ItemIdentityTests {
    @Test func givenAGuid_whenComputingTheTTRSSHash_thenItIsSHA1OfTheRawGuid() {
        #expect(ItemIdentity.ttrssHash(guid: "urn:brief:test:229", link: "http://example.org/a/229")
            == "SHA1:9458cd5596b5839c6ee4846b03d8f729349711de")
    }

    @Test func givenNoGuid_whenComputingTheTTRSSHash_thenTheRawLinkIsHashed() {
        let expected = "SHA1:17244393af6834deb6958778d6924f22ee891b0d"
        #expect(ItemIdentity.ttrssHash(guid: nil, link: "http://example.org/x/no-guid") == expected)
        #expect(ItemIdentity.ttrssHash(guid: "", link: "http://example.org/x/no-guid") == expected)
    }

    @Test func givenNeitherGuidNorLink_whenComputingTheTTRSSHash_thenThereIsNone() {
        #expect(ItemIdentity.ttrssHash(guid: nil, link: nil) == nil)
        #expect(ItemIdentity.ttrssHash(guid: "", link: "") == nil)
    }

    @Test func givenAHeadlineGuidField_whenReadingIt_thenTheHashInsideComesOut() {
        #expect(ItemIdentity.hash(inTTRSSGuid: #"{"ver":2,"uid":7,"hash":"SHA1:abc"}"#) == "SHA1:abc")
        #expect(ItemIdentity.hash(inTTRSSGuid: "plain-old-guid") == "plain-old-guid")
        #expect(ItemIdentity.hash(inTTRSSGuid: "{not json") == "{not json")
    }
}
