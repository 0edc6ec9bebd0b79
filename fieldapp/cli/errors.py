"""One line for an expected file-system failure of a command: what went wrong and where.

The CLI entry point (:func:`fieldapp.cli.main.main`) turns every :class:`OSError` a command lets
through into this line and exit code 1, so no command ends in a traceback because an output
folder is missing, read-only or not a folder, or the disk is full. Commands may catch earlier
to add a hint of their own (the data folder does: :func:`data_folder_message`).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path


class CommandError(Exception):
    """A user-facing failure of a command: printed as ``错误：<message>``, exit code 1."""


# errno → what it means for a person saving a file (the path follows)
_BY_ERRNO = {
    errno.EACCES: "没有权限写入或读取",
    errno.EPERM: "不允许写入（文件夹被锁定或受保护）",
    errno.EROFS: "位置只读（例如写保护的U盘或只读的安装文件夹），无法写入",
    errno.ENOENT: "文件或文件夹不存在",
    errno.ENOTDIR: "路径中有一部分是文件而不是文件夹",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOSPC: "磁盘已满",
    errno.EDQUOT: "磁盘配额已满",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EEXIST: "文件已存在",
    errno.EBUSY: "文件正被其他程序占用",
}


# argparse destinations that name something a command writes: files, and folders it writes into
OUTPUT_FILES = ("out", "pdf", "rejects")
OUTPUT_FOLDERS = ("to", "reply_to")


def output_problem(dest: str, value: str) -> str | None:
    """Why the output ``value`` of option ``dest`` cannot be written, checked before any work, or None.

    A missing parent folder is refused rather than created, so a mistyped path never leaves
    stray folders behind (an output *folder* itself may be new, one level deep); the write
    itself may still fail (read-only medium, full disk) and is then reported by the entry point.
    """
    path = Path(value).expanduser()
    option = "--" + dest.replace("_", "-")
    if dest in OUTPUT_FOLDERS:  # made if missing, as a folder on a stick; its parent must exist
        if path.exists() and not path.is_dir():
            return f"这是一个文件，不是文件夹：{path}（{option}）"
    elif path.is_dir():
        return f"这是一个文件夹，不是文件：{path}（{option}）"
    parent = path.parent
    for folder in (parent, *parent.parents):
        if folder.exists():
            if not folder.is_dir():
                return f"路径中的 {folder} 是文件而不是文件夹：{path}（{option}）"
            break
    if not parent.exists():
        return f"文件夹不存在：{parent}（{option} {path}）"
    return None


def _where(exc: OSError) -> str:
    name = exc.filename
    if name is None:
        return ""
    path = Path(os.fsdecode(name))
    if exc.errno == errno.ENOENT and not path.parent.exists():
        return f"{path}（文件夹 {path.parent} 不存在）"
    return str(path)


def os_error_message(exc: OSError) -> str:
    """``<problem>：<path>`` in Chinese, one line (the path as the system reported it)."""
    problem = _BY_ERRNO.get(exc.errno or -1) or (exc.strerror or type(exc).__name__)
    if exc.errno == errno.EEXIST and exc.filename is not None and Path(os.fsdecode(exc.filename)).is_file():
        problem = "这是一个文件，不是文件夹"  # a folder was to be made where a file is
    where = _where(exc)
    return f"{problem}：{where}" if where else problem


def data_folder_message(home: Path, exc: OSError, *, portable: bool) -> str:
    """The data folder cannot be created or written: say which, and what to do."""
    text = f"无法使用数据文件夹 {home}：{os_error_message(exc)}"
    if portable:
        text += ("。便携模式把数据保存在程序旁边，需要程序所在的文件夹可写："
                 "请把程序复制到可写的位置（如U盘），或不用 --portable")
    return text
