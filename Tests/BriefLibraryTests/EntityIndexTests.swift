import BriefLibrary
import BriefStore
import BriefTagger
import Testing

@Suite("The entity index narrowed by type and name")
struct EntityIndexTests {
    static let entities = [
        EntitySummary(key: "PER:sergei-lavrov", name: "Sergei Lavrov", type: .person, stories: 2, mentions: 3),
        EntitySummary(key: "ORG:nato", name: "NATO", type: .organisation, stories: 1, mentions: 3),
        EntitySummary(key: "LOC:zurich", name: "Zürich", type: .place, stories: 1, mentions: 2),
        EntitySummary(key: "LOC:moscow", name: "Moscow", type: .place, stories: 1, mentions: 1),
    ]

    @Test("Given the index, when narrowed by type, then only that type is left, in the index's order")
    func byType() {
        #expect(EntityIndex.filter(Self.entities, type: .place, name: "").map(\.key) == ["LOC:zurich", "LOC:moscow"])
        #expect(EntityIndex.filter(Self.entities, type: nil, name: "").map(\.key) == Self.entities.map(\.key))
    }

    @Test("Given the index, when narrowed by a name fragment, then case, accents and surrounding spaces do not matter")
    func byName() {
        #expect(EntityIndex.filter(Self.entities, type: nil, name: " lavr ").map(\.key) == ["PER:sergei-lavrov"])
        #expect(EntityIndex.filter(Self.entities, type: nil, name: "zur").map(\.key) == ["LOC:zurich"])
        #expect(EntityIndex.filter(Self.entities, type: .place, name: "lavr").isEmpty)
    }
}
