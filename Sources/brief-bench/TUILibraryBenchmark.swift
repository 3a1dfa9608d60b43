import BriefLayout
import BriefLibrary
import BriefModel
import BriefStore
import BriefTagger
import BriefTUI
import Foundation

/// The reader against a large cache file: builds `stories` invented, tagged stories (about 300 entities; one
/// of them 1,000 paragraphs long) with the store's own import path, then, in a fresh process, times start-up to the first frame and the
/// heavy keys (each as the app loop runs it: update, the store work its effects ask for, update, view),
/// and reports the process's peak memory.
enum TUILibraryBenchmark {
    static func run(stories count: Int) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brief-bench-tui-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("library.sqlite").path
        let started = ContinuousClock.now
        try build(path: path, count: count)
        let elapsed = ContinuousClock.now - started
        print(String(format: "tui library: %d stories imported into a cache file in %.1f s", count,
                     Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        // The reader part runs in its own process so its peak memory is not the generator's.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["tui", "--library", path]
        try process.run()
        process.waitUntilExit()
    }

    private static let people = ["Ingrid Solberg", "Amara Ndiaye", "Tomas Varga", "Leila Haddad", "Kenji Mori"]
    private static let places = ["Tromsø", "Reykjavik", "Nairobi", "Valletta", "Lima", "Hanoi", "Tbilisi"]
    private static let bodies = ["Arctic Council", "Fisheries Board", "Grain Exchange", "Ports Authority"]

    /// Entity number `n` of about 300: a name and a type.
    private static func entity(_ n: Int) -> (String, EntityType) {
        switch n % 3 {
        case 0: ("\(people[n % people.count]) \(n / 15)", .person)
        case 1: ("\(places[n % places.count]) \(n / 21)", .place)
        default: ("\(bodies[n % bodies.count]) \(n / 12)", .organisation)
        }
    }

    /// Builds (or adds to) the cache at `path`: `count` invented, tagged stories, the same every run.
    static func build(path: String, count: Int) throws {
        let store = try Store(path: path)
        var seed: UInt64 = 7
        // A fixed linear congruential sequence, so every run builds the same cache.
        func nextNumber() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33)
        }
        // One long story among them, to time opening it.
        var batch: [ImportItem] = count > 0 ? [longStory()] : []
        for i in 0..<max(0, count - 1) {
            var paragraphs: [Paragraph] = []
            var entities: [String: Entity] = [:]
            for p in 0..<4 {
                var text = ""
                var mentions: [Mention] = []
                for part in 0..<3 {
                    let (name, type) = entity(nextNumber() % 300)
                    text += "In session \(i), item \(p).\(part), the delegates argued about quotas until "
                    let start = text.unicodeScalars.count
                    text += name
                    let key = "\(type.rawValue):\(name.lowercased().replacingOccurrences(of: " ", with: "-"))"
                    mentions.append(Mention(start: start, end: text.unicodeScalars.count, type: type, text: name, entity: key))
                    entities[key, default: Entity(key: key, name: name, type: type, mentions: 0)].mentions += 1
                    text += " asked for a pause. "
                }
                paragraphs.append(Paragraph(text: text, mentions: mentions))
            }
            let title = "Delegates meet for session \(i) on shipping, fisheries and ports"
            let story = Story(title: title, sections: [Section(kind: .lede, paragraphs: [paragraphs[0]]),
                                                       Section(kind: .body, title: "Talks", paragraphs: Array(paragraphs.dropFirst()))],
                              entities: entities.values.sorted { $0.mentions > $1.mentions })
            let published = Date(timeIntervalSince1970: 1_790_000_000 - Double(i) * 600)
            batch.append(ImportItem(story: story, originalText: title + "\n\n" + paragraphs.map(\.text).joined(separator: "\n\n"),
                                    source: "Bench Wire", published: published, format: .article))
            if batch.count == 500 {
                _ = try store.importStories(batch)
                batch = []
            }
        }
        if !batch.isEmpty { _ = try store.importStories(batch) }
    }

    /// The headline of the one long story in the cache.
    static let longTitle = "Marathon session: the delegates' thousand-paragraph record of the quota talks"

    /// A story of 1,000 paragraphs (about 70 words and 5 mentions each, a heading every ten), the newest in
    /// the cache, to time opening and moving through a long story as the reader does it.
    private static func longStory() -> ImportItem {
        var sections: [Section] = []
        var paragraphs: [Paragraph] = []
        var entities: [String: Entity] = [:]
        for i in 0..<1000 {
            var text = ""
            var mentions: [Mention] = []
            for part in 0..<5 {
                let (name, type) = entity((i * 5 + part) % 300)
                text += "In round \(i), part \(part), the delegates argued at length about quotas, and "
                let start = text.unicodeScalars.count
                text += name
                let key = "\(type.rawValue):\(name.lowercased().replacingOccurrences(of: " ", with: "-"))"
                mentions.append(Mention(start: start, end: text.unicodeScalars.count, type: type, text: name, entity: key))
                entities[key, default: Entity(key: key, name: name, type: type, mentions: 0)].mentions += 1
                text += " said the talks would continue late into the night. "
            }
            paragraphs.append(Paragraph(text: text, mentions: mentions))
            if paragraphs.count == 10 {
                sections.append(Section(kind: .body, title: "Round \(i / 10 + 1)", paragraphs: paragraphs))
                paragraphs = []
            }
        }
        let story = Story(title: longTitle, sections: sections,
                          quotes: [Quote(text: "We will meet again in the morning", speaker: "the chair")],
                          entities: entities.values.sorted { ($0.mentions, $1.key) > ($1.mentions, $0.key) })
        let text = longTitle + "\n\n" + sections.flatMap(\.paragraphs).map(\.text).joined(separator: "\n\n")
        return ImportItem(story: story, originalText: text, source: "Bench Wire",
                          published: Date(timeIntervalSince1970: 1_790_000_600), format: .article)
    }

    /// Applies `operations` as the app loop does: each update, then the store work its effects ask for
    /// (and the effects their results cause), then one frame.
    private static func key(_ state: inout ReaderState, _ operations: [ReaderOperation], effects runner: StoreEffects) {
        for operation in operations {
            let (next, effects) = Reader.update(state, operation)
            state = next
            var queue = effects
            while !queue.isEmpty {
                let effect = queue.removeFirst()
                for result in runner.perform(effect) {
                    let (after, more) = Reader.update(state, result)
                    state = after
                    queue += more
                }
            }
        }
        _ = Reader.view(state)
    }

    /// The reader's side, in a fresh process.
    static func reader(cache path: String) throws {
        let theme = Theme(mode: .palette256)
        let size = ScreenSize(width: 120, height: 40)
        // Start-up: open the cache, load the list (its first window, as the reader does), draw the first frame.
        let started = ContinuousClock.now
        let store = try Store(path: path)
        let runner = StoreEffects(store: store)
        var (state, starting) = Reader.start(size: size, theme: theme)
        for effect in starting {
            for result in runner.perform(effect) { state = Reader.update(state, result).0 }
        }
        let first = Reader.view(state)
        let elapsed = ContinuousClock.now - started
        print(String(format: "tui library: store open → first frame (%d stories, %d rows loaded, %d×%d): %.1f ms",
                     state.listCount, state.stories.count, first.width, first.height,
                     Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15))
        let list = state
        // Where start-up goes: the store's calls, each timed alone.
        TUIBenchmark.report("library Store(path:) open", TUIBenchmark.measure(5) { _ = try? Store(path: path) })
        TUIBenchmark.report("library Store.summaries() (\(list.totalCount) rows)", TUIBenchmark.measure(5) { _ = try? store.summaries() })
        TUIBenchmark.report("library Store.count() ×2", TUIBenchmark.measure(5) {
            _ = try? store.count()
            _ = try? store.count(unreadOnly: true)
        })
        TUIBenchmark.report("library list update + first frame", TUIBenchmark.measure(5) {
            _ = Reader.view(Reader.update(Reader.start(size: size, theme: theme).0,
                                          .listLoaded(list.stories, total: list.totalCount, unread: list.unreadCount)).0)
        })
        TUIBenchmark.report("library Store.entities()", TUIBenchmark.measure(5) { _ = try? store.entities() })
        if let top = try store.entities().first?.key {
            TUIBenchmark.report("library Store.stories(mentioning:) most mentioned", TUIBenchmark.measure(5) {
                _ = try? store.stories(mentioning: top)
            })
        }

        // List keys with the windows they load (each key's store work, as the reader runs it).
        TUIBenchmark.report("library key pageDown + frame (\(list.totalCount)-story list)", TUIBenchmark.measure(200) {
            key(&state, [.pageDown], effects: runner)
        })
        TUIBenchmark.report("library keys G then g (two keys, each loading a window) + frames", TUIBenchmark.measure(25) {
            key(&state, [.bottom], effects: runner)
            key(&state, [.top], effects: runner)
        })
        state = list
        var ids = state.stories.prefix(200).map(\.id).makeIterator()
        TUIBenchmark.report("library key open story (load + layout + frame)", TUIBenchmark.measure(100) {
            guard let id = ids.next() else { return }
            var opened = state
            opened.selectedID = id
            opened = Reader.update(opened, .open).0
            opened = Reader.update(opened, .storyLoaded(id: id, try? store.story(id: id))).0
            _ = Reader.view(opened)
        })
        // The same keys as the reader answers them: with the store work their effects cause (opening an
        // unread story marks it read in the store; an unread-only list would be read again too).
        var unread = list.stories.filter { !$0.isRead }.prefix(400).map(\.id).makeIterator()
        TUIBenchmark.report("library key Enter on an unread story, as the reader runs it (load, layout, mark read, frame)",
                            TUIBenchmark.measure(20) {
            guard let id = unread.next() else { return }
            var opened = list
            opened.selectedID = id
            key(&opened, [.open], effects: runner)
        })
        if let last = list.stories.last {
            var read = last.isRead
            TUIBenchmark.report("library Store.setRead of one story alone (a write transaction)", TUIBenchmark.measure(20) {
                read.toggle()
                _ = try? store.setRead(read, ids: [last.id])
            })
        }
        if let long = list.stories.first(where: { $0.title == longTitle }) {
            var page = list
            page.selectedID = long.id
            page.openMarksRead = false
            TUIBenchmark.report("library long story (1,000 paragraphs): Enter opens it (load + layout + frame)",
                                TUIBenchmark.measure(10) {
                var opened = page
                key(&opened, [.open], effects: runner)
            })
            TUIBenchmark.report("library long story Store.story(id:) alone", TUIBenchmark.measure(10) {
                _ = try? store.story(id: long.id)
            })
            if let stored = try store.story(id: long.id) {
                TUIBenchmark.report("library long story StoryLayout alone (116 columns)", TUIBenchmark.measure(10) {
                    _ = StoryLayout(stored, width: 116)
                })
                let layout = StoryLayout(stored, width: 116)
                var found = 0
                TUIBenchmark.report("library long story StoryLayout.matches(of: \"quotas\") alone", TUIBenchmark.measure(10) {
                    found = layout.matches(of: "quotas").count
                })
                print("tui library long story: \(found) matches of quotas")
            }
            var opened = page
            key(&opened, [.open], effects: runner)
            print("tui library long story: \(opened.page?.layout?.lines.count ?? 0) lines, \(opened.page?.layout?.mentions.count ?? 0) mentions at 120 columns")
            for (name, operations) in [("space (page down)", [ReaderOperation.pageDown]), ("G (to the end)", [.bottom]),
                                       ("g (to the top)", [.top]), ("Tab (next mention)", [.nextMention]),
                                       ("* (next mention of the same entity)", [.nextSameEntity]),
                                       ("] (next section)", [.nextSection]), ("resize 120×40 → 80×24 → 120×40", [
                                           .resize(width: 80, height: 24), .resize(width: 120, height: 40)])] {
                var moving = opened
                TUIBenchmark.report("library long story key \(name) + frame", TUIBenchmark.measure(50) {
                    key(&moving, operations, effects: runner)
                })
            }
            var searching = opened
            TUIBenchmark.report("library long story key / quotas Enter (search the story) + frame", TUIBenchmark.measure(5) {
                var typed = searching
                key(&typed, [.search] + "quotas".map { .typed($0) } + [.submit], effects: runner)
                searching.status = typed.status
            })
            key(&searching, [.search] + "quotas".map { .typed($0) } + [.submit], effects: runner)
            TUIBenchmark.report("library long story key n (next match) + frame", TUIBenchmark.measure(50) {
                key(&searching, [.nextUnread], effects: runner)
            })
        }
        let queries = ["session 4242", "fisheries", "Reykjavik", "quotas pause", "Ports Authority 3"]
        var q = 0
        TUIBenchmark.report("library key search (FTS5 + list + frame)", TUIBenchmark.measure(25) {
            let query = queries[q % queries.count]
            q += 1
            var searched = Reader.update(state, .search).0
            for character in query { searched = Reader.update(searched, .typed(character)).0 }
            searched = Reader.update(searched, .submit).0
            let found = (try? store.search(query)) ?? []
            searched = Reader.update(searched, .searchLoaded(query: query, found, total: state.totalCount,
                                                             unread: state.unreadCount)).0
            _ = Reader.view(searched)
        })
        // Enter as the reader answers it: the search (a new query keeps the title's counts), then the frame.
        TUIBenchmark.report("library key search Enter, as the reader runs it (a new query: FTS5 + list + frame)",
                            TUIBenchmark.measure(25) {
            let query = queries[q % queries.count]
            q += 1
            var searched = Reader.update(state, .search).0
            for character in query { searched = Reader.update(searched, .typed(character)).0 }
            key(&searched, [.submit], effects: runner)
        })
        TUIBenchmark.report("library key e, first time (Store.entities + frame)", TUIBenchmark.measure(5) {
            var index = Reader.update(state, .entityIndex).0
            index = Reader.update(index, .entitiesLoaded(type: nil, filter: "", (try? store.entities()) ?? [])).0
            _ = Reader.view(index)
        })
        // After the first time the reader filters its in-memory list (EntityCache), as measured here.
        let all = (try? store.entities()) ?? []
        var index = Reader.update(Reader.update(state, .entityIndex).0, .entitiesLoaded(type: nil, filter: "", all)).0
        TUIBenchmark.report("library key t / filter letter (in-memory filter + frame)", TUIBenchmark.measure(50) {
            index = Reader.update(index, .cycleType).0
            let type = index.index?.type
            let filtered = all.filter { type == nil || $0.type == type }
                .filter { $0.name.range(of: "a", options: [.caseInsensitive, .diacriticInsensitive]) != nil }
            index = Reader.update(index, .entitiesLoaded(type: type, filter: "", filtered)).0
            _ = Reader.view(index)
        })
        if let entity = all.first {
            TUIBenchmark.report("library EntityProfile.load alone (most mentioned)", TUIBenchmark.measure(5) {
                _ = try? EntityProfile.load(entity: entity, store: store)
            })
            TUIBenchmark.report("library EntityProfile.loadWindow alone (most mentioned, first window)", TUIBenchmark.measure(5) {
                _ = try? EntityProfile.loadWindow(entity: entity, store: store)
            })
        }
        // The index as loaded, all types: its first entity is the most mentioned, its last the least.
        let fullIndex = Reader.update(Reader.update(state, .entityIndex).0, .entitiesLoaded(type: nil, filter: "", all)).0
        for (label, entity, keys) in [("most", all.first, [ReaderOperation.top]), ("least", all.last, [.bottom])] {
            guard let entity else { continue }
            let selected = keys.reduce(fullIndex) { Reader.update($0, $1).0 }
            TUIBenchmark.report("library key Enter on an entity (\(label) mentioned, \(entity.stories) stories: page + frame)",
                                TUIBenchmark.measure(10) {
                var page = selected
                key(&page, [.open], effects: runner)
            })
        }
        if let entity = all.first {
            var page = fullIndex
            key(&page, [.open], effects: runner)
            print("tui library entity page: \(page.entityPage?.profile?.stories.count ?? 0) of "
                  + "\(page.entityPage?.profile?.storyCount ?? 0) stories loaded")
            TUIBenchmark.report("library entity page (\(entity.stories) stories) key j (next story) + frame", TUIBenchmark.measure(20) {
                key(&page, [.moveDown], effects: runner)
            })
            // Each key alone (the target is per key): G from the top, g from the bottom, each loading a window.
            let top = page
            var bottom = page
            key(&bottom, [.bottom], effects: runner)
            TUIBenchmark.report("library entity page key G (to the last story, loading its window) + frame",
                                TUIBenchmark.measure(10) {
                var moved = top
                key(&moved, [.bottom], effects: runner)
            })
            TUIBenchmark.report("library entity page key g (back to the first, loading its window) + frame",
                                TUIBenchmark.measure(10) {
                var moved = bottom
                key(&moved, [.top], effects: runner)
            })
        }
        print("tui library: peak memory (VmHWM) \(peakMemory())")
    }

    private static func peakMemory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return "unknown" }
        return line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces)
    }
}
