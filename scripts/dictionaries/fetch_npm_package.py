"""Unpack one pinned npm package into a temporary folder with `npm pack` (no install scripts run)."""
import pathlib
import subprocess
import tarfile
import tempfile


def unpack(spec: str) -> pathlib.Path:
    """Return the folder `package/` of the packed tarball of `spec` (for example `nodejieba@3.5.8`)."""
    work = pathlib.Path(tempfile.mkdtemp(prefix="reportarchive-dict-"))
    subprocess.run(["npm", "pack", spec, "--silent"], cwd=work, check=True, stdout=subprocess.DEVNULL)
    tarball = next(work.glob("*.tgz"))
    with tarfile.open(tarball) as archive:
        archive.extractall(work, filter="data")
    return work / "package"
