namespace CbTyped.Response;

/// <summary>The kind of file written (cbapi's filetype table).</summary>
public enum FileModFileType
{
    /// <summary>Not reported or not in the table.</summary>
    Unknown = 0,
    /// <summary>Windows PE.</summary>
    PE = 1,
    /// <summary>ELF.</summary>
    Elf = 2,
    /// <summary>Mach-O / universal binary.</summary>
    MachO = 3,
    /// <summary>The EICAR test file.</summary>
    Eicar = 8,
    /// <summary>DOC.</summary>
    Doc = 0x10,
    /// <summary>DOCX.</summary>
    Docx = 0x11,
    /// <summary>PDF.</summary>
    Pdf = 0x30,
    /// <summary>ZIP.</summary>
    Zip = 0x40,
    /// <summary>LZH.</summary>
    Lzh = 0x41,
    /// <summary>LZW.</summary>
    Lzw = 0x42,
    /// <summary>RAR.</summary>
    Rar = 0x43,
    /// <summary>TAR.</summary>
    Tar = 0x44,
    /// <summary>7-Zip.</summary>
    SevenZip = 0x45,
}
