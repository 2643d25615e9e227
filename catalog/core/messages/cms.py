"""The web CMS: /admin/ not built, and the local CMS (`python build.py cms`, catalog/cms/local.py)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "cms_missing": (
        "halaman pengelolaan /admin/ tidak dibuat: paket Decap CMS belum terpasang "
        "(jalankan `npm ci` di folder proyek, lalu build lagi)",
        "/admin/ was not built: the Decap CMS package is not installed "
        "(run `npm ci` in the project folder, then build again)",
    ),
    "cms_started": (
        "CMS lokal siap untuk cabang {branch} (port {port}). Jalankan juga `python build.py serve` "
        "di jendela lain, lalu buka http://127.0.0.1:8000/admin/. Berkas yang Anda ubah sendiri "
        "di folder ini tidak disentuh CMS. Tekan Ctrl+C untuk berhenti. (Catatan teknis: {log})",
        "Local CMS ready for branch {branch} (port {port}). Also run `python build.py serve` in "
        "another window, then open http://127.0.0.1:8000/admin/. Files you change yourself in "
        "this folder are not touched by the CMS. Press Ctrl+C to stop. (Technical log: {log})",
    ),
    "cms_branch_removed": (
        "Draf kosong {name} dihapus: penyimpanan sebelumnya gagal dan tidak menyimpan apa pun. "
        "Entri itu bisa dibuka dan disimpan lagi di CMS.",
        "Empty draft {name} removed: an earlier save failed and saved nothing. The entry can be "
        "opened and saved again in the CMS.",
    ),
    "cms_published": (
        "Diterbitkan dari CMS ke folder ini: {files}",
        "Published from the CMS into this folder: {files}",
    ),
    "cms_publish_waiting": (
        "Yang diterbitkan di CMS belum bisa masuk ke cabang {branch} folder ini; berkas Anda "
        "tidak diubah. Sebabnya (dari git): {detail}. Bila git menyebut berkas yang Anda ubah "
        "sendiri, simpan dulu (git commit) atau kembalikan berkas itu; bila cabang sudah punya "
        "commit baru, hentikan CMS (Ctrl+C) lalu jalankan lagi `python build.py cms`. Dicoba "
        "lagi otomatis tiap detik.",
        "What was published in the CMS cannot enter branch {branch} of this folder yet; your "
        "files were not changed. Reason (from git): {detail}. If git names files you changed "
        "yourself, commit them first (git commit) or undo them; if the branch has new commits, "
        "stop the CMS (Ctrl+C) and run `python build.py cms` again. Retried every second.",
    ),
    "cms_other_branch": (
        "folder ini sedang di cabang {current}, bukan {branch} (kembali dengan: git switch {branch})",
        "this folder is on branch {current}, not {branch} (go back with: git switch {branch})",
    ),
    "cms_sync_failed": (
        "CMS lokal tidak dapat dimulai: salinan kerjanya tidak dapat disamakan dengan cabang "
        "{branch} ({detail}). Pastikan cabang {branch} ada dan sudah di-commit, lalu jalankan lagi.",
        "The local CMS cannot start: its working copy cannot be brought up to branch {branch} "
        "({detail}). Make sure branch {branch} exists and is committed, then run again.",
    ),
    "cms_no_git": (
        "Folder {folder} bukan repositori git (atau git belum terpasang). Jalankan "
        "`python build.py cms` di folder proyek hasil `git clone`.",
        "Folder {folder} is not a git repository (or git is not installed). Run "
        "`python build.py cms` in the project folder made by `git clone`.",
    ),
    "cms_server_missing": (
        "decap-server belum terpasang. Jalankan `npm ci` di {folder} (perlu Node.js), lalu jalankan lagi.",
        "decap-server is not installed. Run `npm ci` in {folder} (needs Node.js), then run again.",
    ),
    "cms_port_busy": (
        "Port {port} sudah dipakai, mungkin oleh CMS lokal atau `npx decap-server` yang masih "
        "berjalan. Hentikan program itu (Ctrl+C di jendelanya), lalu jalankan lagi.",
        "Port {port} is already in use, perhaps by a local CMS or `npx decap-server` still "
        "running. Stop that program (Ctrl+C in its window), then run again.",
    ),
    "cms_server_stopped": (
        "decap-server berhenti sendiri; CMS lokal tidak berjalan. Keterangan teknis ada di {log}.",
        "decap-server stopped by itself; the local CMS is not running. Technical details are in {log}.",
    ),
}
