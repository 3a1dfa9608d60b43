import Testing
@testable import BriefTUI

@Suite("config.toml")
struct ConfigLoaderTests {
    @Test("No config text means the defaults and no problems")
    func empty() {
        let (config, problems) = ConfigLoader.parse("")
        #expect(config == ReaderConfig())
        #expect(problems.isEmpty)
    }

    @Test("Keys, colours, open_marks_read and mouse all apply")
    func everything() {
        let text = """
            open_marks_read = false
            mouse = true

            [keys]
            open = ["o", "enter"]
            quit = "x"

            [colors]
            person = "yellow"
            place = 120
            """
        let (config, problems) = ConfigLoader.parse(text)
        #expect(problems.isEmpty)
        #expect(config.openMarksRead == false && config.mouse == true)
        #expect(config.keymap.operation(for: .character("o")) == .open)
        #expect(config.keymap.operation(for: .enter) == .open)
        #expect(config.keymap.operation(for: .character("l")) == nil)  // open's old keys are gone
        #expect(config.keymap.operation(for: .character("x")) == .quit)
        #expect(config.entityColors == [.person: .basic(3), .place: .palette(120)])
        // The help screen follows the rebinding
        var state = Fixtures.loadedState(width: 80, height: 60)
        state.keymap = config.keymap
        #expect(Fixtures.apply(state, .help).screenLines.contains { $0.contains("o Enter") && $0.contains("Open the story") && $0.hasSuffix(" open") })
    }

    @Test("A key taken by a rebinding leaves its old operation")
    func stealsKey() {
        let (config, _) = ConfigLoader.parse("[keys]\nquit = [\"q\"]\n")
        #expect(config.keymap.operation(for: .character("q")) == .quit)
        #expect(config.keymap.operation(for: .character("h")) == .back)
    }

    @Test("Each bad line gives a message naming the line, and the good lines still apply")
    func badLines() {
        let text = """
            mouse = "yes"
            [keys]
            open = ["ctrl-x"]
            fly = ["z"]
            search = ["s"]
            [colors]
            person = "mauve"
            alien = "red"
            place = "green"
            [weather]
            """
        let (config, problems) = ConfigLoader.parse(text)
        #expect(problems.contains("line 1: mouse must be true or false"))
        #expect(problems.contains("line 3: unknown key name \"ctrl-x\" for open"))
        #expect(problems.contains { $0.hasPrefix("line 4: unknown operation \"fly\"") })
        #expect(problems.contains("line 7: unknown colour for person (a name such as \"yellow\" or 0–255)"))
        #expect(problems.contains("line 8: unknown entity type \"alien\" (person, organisation, place, group)"))
        #expect(problems.contains("line 10: unknown setting \"weather\""))
        #expect(problems.count == 6)
        #expect(config.mouse == false)
        #expect(config.keymap.operation(for: .enter) == .open)
        #expect(config.keymap.operation(for: .character("s")) == .search)
        #expect(config.entityColors == [.place: .basic(2)])
    }

    @Test("A TOML syntax error costs only its own line")
    func syntaxError() {
        let text = "open_marks_read = false\nthis is not toml\nmouse = true\n"
        let (config, problems) = ConfigLoader.parse(text)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("line 2: ") == true)
        #expect(problems.first?.hasSuffix("; line ignored") == true)
        #expect(config.openMarksRead == false && config.mouse == true)
    }

    @Test("The path honours XDG_CONFIG_HOME, else ~/.config")
    func path() {
        #expect(ConfigLoader.path(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/a"]) == "/x/cfg/brief/config.toml")
        #expect(ConfigLoader.path(environment: ["HOME": "/home/a"]) == "/home/a/.config/brief/config.toml")
    }

    @Test("Entity colours change the theme in colour and leave monochrome alone")
    func colours() {
        var config = ReaderConfig()
        config.entityColors = [.person: .basic(1)]
        #expect(config.applying(to: Theme(mode: .basic)).entity(.person).foreground == .basic(1))
        #expect(config.applying(to: Theme(mode: .monochrome)) == Theme(mode: .monochrome))
    }

    @Test("open_marks_read = false opens a story without marking it")
    func openWithoutMarking() {
        var state = Fixtures.loadedState()
        state.openMarksRead = false
        #expect(Reader.update(state, .open).1 == [.loadStory(id: 3)])
    }
}
