/// What a push sets on server items: read state or star (saved, in Fever's words).
public enum RemoteMark: Sendable, Hashable {
    case read
    case star
}
