import Foundation
import Testing
@testable import BriefTagger

/// The classes of error from issue 11, on sentences written for these tests (invented officials, real
/// institutions and places), against the committed model and knowledge base.
@Suite("Committed model: names an analyst can trust")
struct NameClassTests {
    private func tagger() throws -> Tagger {
        try #require(CommittedModelTests.tagger, "the committed model loads")
    }

    private func entities(_ text: String) throws -> [(text: String, type: EntityType, key: String)] {
        try tagger().tag(text).map { ($0.text, $0.type, $0.entity) }
    }

    @Test("Long organisation and country names come out whole")
    func wholeNames() throws {
        let found = try entities("Delegates from the International Committee of the Red Cross travelled to the Democratic Republic of the Congo on Tuesday.")
        #expect(found.contains { $0.text == "International Committee of the Red Cross" && $0.type == .organisation }, "\(found)")
        #expect(found.contains { $0.text == "Democratic Republic of the Congo" && $0.type == .place }, "\(found)")
    }

    @Test("Hyphenated and particle names of people stay whole")
    func hyphenatedPeople() throws {
        let found = try entities("Norway's envoy Bjørn-Ove Nilsen met Layla Al-Saadi and Salim bin Nasser Al-Rawahi in Muscat.")
        for name in ["Bjørn-Ove Nilsen", "Layla Al-Saadi", "Salim bin Nasser Al-Rawahi"] {
            #expect(found.contains { $0.text == name && $0.type == .person }, "\(name) in \(found)")
        }
    }

    @Test("A trailing possessive is never part of a name")
    func possessives() throws {
        let found = try entities("The EU’s Court of Justice ruled on Monday, and Russia's foreign ministry objected to NATO's plans.")
        #expect(!found.contains { $0.text.hasSuffix("’s") || $0.text.hasSuffix("'s") }, "\(found)")
        #expect(found.contains { $0.text == "EU" && $0.key == "ORG:european-union" }, "\(found)")
    }

    @Test("Seats of government are organisations; small towns and sea features are places with their country")
    func seatsAndPlaces() throws {
        let tagger = try tagger()
        let result = tagger.tagDocument(["The Kremlin said grain ships left Izmail and Chornomorsk, while the White House watched the Black Sea."])
        let mentions = result.mentions[0]
        #expect(mentions.contains { $0.text == "Kremlin" && $0.type == .organisation }, "\(mentions)")
        #expect(mentions.contains { $0.text == "White House" && $0.type == .organisation }, "\(mentions)")
        #expect(mentions.contains { $0.text == "Izmail" && $0.type == .place }, "\(mentions)")
        let izmail = result.entities.first { $0.name == "Izmail" }
        #expect(izmail?.country == "Ukraine")
    }

    @Test("An acronym and its full name in one story are one entity under the knowledge base's key")
    func acronyms() throws {
        let result = try tagger().tagDocument([
            "The United Nations said on Monday that aid had reached Bentiu.",
            "A UN spokesperson added that the European Union would pay, and EU officials agreed.",
        ])
        let un = result.entities.filter { $0.key == "ORG:united-nations" }
        #expect(un.count == 1)
        #expect(un.first?.mentions == 2, "\(result.entities)")
        #expect(result.entities.first { $0.key == "ORG:european-union" }?.mentions == 2, "\(result.entities)")
    }

    @Test("A numbered military unit keeps its number and is an organisation")
    func numberedUnits() throws {
        let found = try entities("Officers of the 47th Mechanized Brigade said the 82nd Airborne Division and the 3rd Assault Brigade had moved east.")
        for name in ["47th Mechanized Brigade", "82nd Airborne Division", "3rd Assault Brigade"] {
            #expect(found.contains { $0.text == name && $0.type == .organisation }, "\(name) in \(found)")
        }
    }

    @Test("A town and its state or country after a comma are two places")
    func placeAndRegion() throws {
        let found = try entities("The envoy Tomas Velder grew up in Paxton, Illinois, and later taught in Gulu, Uganda.")
        for name in ["Paxton", "Illinois", "Gulu", "Uganda"] {
            #expect(found.contains { $0.text == name && $0.type == .place }, "\(name) in \(found)")
        }
        #expect(!found.contains { $0.text.contains(",") }, "\(found)")
    }

    @Test("Counties and districts are known places with their country, and never take a city's name")
    func secondLevelRegions() throws {
        let knowledge = try tagger().knowledge
        #expect(knowledge.lookup("Leicestershire", type: .place)?.country == "United Kingdom")
        #expect(knowledge.lookup("Deux-Sevres", type: .place)?.name == "Deux-Sèvres")
        #expect(knowledge.lookup("Lagos", type: .place)?.country == "Nigeria")
        #expect(knowledge.lookup("Paris", type: .place)?.country == "France")
    }

    @Test("Titles of works in quotation marks and named battles are whole MISC names")
    func titlesAndBattles() throws {
        let found = try entities("The band released the single \u{201C}A Beautiful Lie\u{201D} in 2006, and the envoy Tomas Velder called the Second Battle of Bull Run a turning point. \"We will win,\" he said.")
        for name in ["A Beautiful Lie", "Second Battle of Bull Run"] {
            #expect(found.contains { $0.text == name && $0.type == .group }, "\(name) in \(found)")
        }
        #expect(!found.contains { $0.text.contains("win") }, "\(found)")
    }
}
