internal import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An error reported by SQLite, with the codes, the message and the SQL that caused it.
///
/// `resultCode` is the primary code (e.g. 19, `SQLITE_CONSTRAINT`); `extendedResultCode` refines it
/// (e.g. 787, `SQLITE_CONSTRAINT_FOREIGNKEY`). Callers match on the codes, people read `description`.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// The primary result code (the low byte of the extended code).
    public let resultCode: Int32
    /// The extended result code, as returned by `sqlite3_extended_errcode`.
    public let extendedResultCode: Int32
    /// SQLite's own message (`sqlite3_errmsg`), or ours when the misuse is caught before SQLite sees it.
    public let message: String
    /// The SQL being prepared or executed when the error happened, when there was one.
    public let sql: String?
    /// The `errno` of the system call that failed under SQLite (`sqlite3_system_errno`), when one did.
    public let systemErrorNumber: Int32?

    /// Creates an error from its parts.
    ///
    /// - Parameters:
    ///   - extendedResultCode: The extended code; the primary code is derived from its low byte.
    ///   - message: What went wrong.
    ///   - sql: The statement involved, if any.
    ///   - systemErrorNumber: The `errno` behind an I/O error, if known.
    public init(extendedResultCode: Int32, message: String, sql: String? = nil, systemErrorNumber: Int32? = nil) {
        self.resultCode = extendedResultCode & 0xFF
        self.extendedResultCode = extendedResultCode
        self.message = message
        self.sql = sql
        self.systemErrorNumber = systemErrorNumber
    }

    /// The symbolic name of the extended code, such as `SQLITE_CONSTRAINT_UNIQUE`.
    public var codeName: String {
        SQLiteError.name(of: extendedResultCode)
    }

    /// True when SQLite failed because the file system is out of space (or the user's quota is used up): SQLite
    /// says `SQLITE_FULL` when a database or journal cannot grow, but a generic `SQLITE_IOERR` when, for example,
    /// the `-shm` file cannot be sized, so the system's error decides.
    public var isDiskFull: Bool {
        resultCode == SQLITE_FULL || systemErrorNumber.map(SQLiteError.isDiskFull(errorNumber:)) == true
    }

    public var description: String {
        var text = "SQLite error \(resultCode) (extended \(extendedResultCode): \(codeName)): \(message)"
        if let number = systemErrorNumber {
            text += " (\(String(cString: strerror(number))))"
        }
        if let sql {
            text += " — while executing: \(sql)"
        }
        guard isDiskFull else { return text }
        return "disk full: the disk that holds the state home has no space left, so SQLite cannot write to it. "
            + "Free some space there and run the command again (\(text))"
    }

    /// True for the `errno` values of a full file system or an exhausted quota.
    static func isDiskFull(errorNumber: Int32) -> Bool {
        errorNumber == ENOSPC || errorNumber == EDQUOT
    }

    /// Builds an error from the connection's current error state.
    ///
    /// Must be called right after the failing call, before any other call on `handle`
    /// overwrites the error state.
    static func current(_ handle: OpaquePointer?, code: Int32, sql: String?) -> SQLiteError {
        guard let handle else {
            return SQLiteError(extendedResultCode: code, message: String(cString: sqlite3_errstr(code)), sql: sql)
        }
        var extended = sqlite3_extended_errcode(handle)
        // The handle's error state may belong to an older call when `code` did not come from it.
        if extended & 0xFF != code & 0xFF {
            extended = code
        }
        let number = sqlite3_system_errno(handle)
        return SQLiteError(extendedResultCode: extended, message: String(cString: sqlite3_errmsg(handle)), sql: sql,
                           systemErrorNumber: number != 0 && [SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN]
                               .contains(code & 0xFF) ? number : nil)
    }

    private static let names: [Int32: String] = [
        0: "SQLITE_OK", 1: "SQLITE_ERROR", 2: "SQLITE_INTERNAL", 3: "SQLITE_PERM", 4: "SQLITE_ABORT",
        5: "SQLITE_BUSY", 6: "SQLITE_LOCKED", 7: "SQLITE_NOMEM", 8: "SQLITE_READONLY", 9: "SQLITE_INTERRUPT",
        10: "SQLITE_IOERR", 11: "SQLITE_CORRUPT", 12: "SQLITE_NOTFOUND", 13: "SQLITE_FULL",
        14: "SQLITE_CANTOPEN", 15: "SQLITE_PROTOCOL", 16: "SQLITE_EMPTY", 17: "SQLITE_SCHEMA",
        18: "SQLITE_TOOBIG", 19: "SQLITE_CONSTRAINT", 20: "SQLITE_MISMATCH", 21: "SQLITE_MISUSE",
        22: "SQLITE_NOLFS", 23: "SQLITE_AUTH", 24: "SQLITE_FORMAT", 25: "SQLITE_RANGE", 26: "SQLITE_NOTADB",
        27: "SQLITE_NOTICE", 28: "SQLITE_WARNING", 100: "SQLITE_ROW", 101: "SQLITE_DONE",
        // Extended codes the store can plausibly meet.
        261: "SQLITE_BUSY_RECOVERY", 517: "SQLITE_BUSY_SNAPSHOT", 773: "SQLITE_BUSY_TIMEOUT",
        262: "SQLITE_LOCKED_SHAREDCACHE", 264: "SQLITE_READONLY_RECOVERY", 520: "SQLITE_READONLY_CANTLOCK",
        776: "SQLITE_READONLY_ROLLBACK", 1032: "SQLITE_READONLY_DBMOVED",
        266: "SQLITE_IOERR_READ", 522: "SQLITE_IOERR_SHORT_READ", 778: "SQLITE_IOERR_WRITE",
        1034: "SQLITE_IOERR_FSYNC", 1290: "SQLITE_IOERR_DIR_FSYNC", 1546: "SQLITE_IOERR_TRUNCATE",
        3850: "SQLITE_IOERR_LOCK", 4618: "SQLITE_IOERR_SHMOPEN", 5386: "SQLITE_IOERR_SHMLOCK",
        267: "SQLITE_CORRUPT_VTAB", 270: "SQLITE_CANTOPEN_NOTEMPDIR", 526: "SQLITE_CANTOPEN_ISDIR",
        782: "SQLITE_CANTOPEN_FULLPATH",
        275: "SQLITE_CONSTRAINT_CHECK", 531: "SQLITE_CONSTRAINT_COMMITHOOK", 787: "SQLITE_CONSTRAINT_FOREIGNKEY",
        1043: "SQLITE_CONSTRAINT_FUNCTION", 1299: "SQLITE_CONSTRAINT_NOTNULL", 1555: "SQLITE_CONSTRAINT_PRIMARYKEY",
        1811: "SQLITE_CONSTRAINT_TRIGGER", 2067: "SQLITE_CONSTRAINT_UNIQUE", 2323: "SQLITE_CONSTRAINT_VTAB",
        2579: "SQLITE_CONSTRAINT_ROWID", 2835: "SQLITE_CONSTRAINT_PINNED", 3091: "SQLITE_CONSTRAINT_DATATYPE",
    ]

    private static func name(of code: Int32) -> String {
        if let name = names[code] {
            return name
        }
        if let primary = names[code & 0xFF] {
            return "\(primary) (extended \(code >> 8))"
        }
        return "SQLITE_UNKNOWN"
    }
}
