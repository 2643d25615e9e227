"""The machine: a full disk, a folder without write permission, the preview's port
(`commands.problems.machine_problem`, the server)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "disk_full": (
        "Disk penuh: {path} tidak dapat ditulis ({detail}). Kosongkan ruang disk, lalu jalankan "
        "lagi; isi {out}/ tidak diubah.",
        "Disk full: {path} cannot be written ({detail}). Free some disk space, then run again; "
        "{out}/ was left unchanged.",
    ),
    "no_permission_out": (
        "Tidak boleh menulis {path} ({detail}). Beri izin tulis pada folder itu, atau pilih "
        "folder keluaran lain dengan --out; isi {out}/ tidak diubah.",
        "Not allowed to write {path} ({detail}). Make that folder writable, or choose another "
        "output folder with --out; {out}/ was left unchanged.",
    ),
    "no_permission_cache": (
        "Tidak boleh menulis tembolok {path} ({detail}). Beri izin tulis pada folder {cache}, "
        "atau pakai folder lain: GALERI_CACHE_DIR=/folder/lain python build.py; isi {out}/ tidak diubah.",
        "Not allowed to write the cache {path} ({detail}). Make {cache} writable, or use "
        "another folder: GALERI_CACHE_DIR=/other/folder python build.py; {out}/ was left unchanged.",
    ),
    "os_error": (
        "Berkas {path} tidak dapat dibaca atau ditulis ({detail}). Periksa folder itu, lalu "
        "jalankan lagi; isi {out}/ tidak diubah.",
        "File {path} cannot be read or written ({detail}). Check that folder, then run again; "
        "{out}/ was left unchanged.",
    ),
    "manifest_unsaved": (
        "catatan build tidak dapat disimpan di {path} ({detail}); situs sudah ditulis, build "
        "berikutnya membuat ulang semua halaman",
        "the build's record cannot be saved to {path} ({detail}); the site is written, the "
        "next build renders every page again",
    ),
    "port_busy": (
        "Port {port} sudah dipakai program lain (mungkin `python build.py serve` yang masih "
        "berjalan). Hentikan program itu, atau pakai port lain: python build.py serve --port {other}",
        "Port {port} is already in use by another program (perhaps a `python build.py serve` "
        "still running). Stop it, or use another port: python build.py serve --port {other}",
    ),
    "port_unavailable": (
        "Tidak dapat melayani di {host}:{port} ({detail}). Pakai --host atau --port lain, "
        "mis. python build.py serve --host 127.0.0.1 --port {other}",
        "Cannot serve on {host}:{port} ({detail}). Use another --host or --port, "
        "e.g. python build.py serve --host 127.0.0.1 --port {other}",
    ),
}
