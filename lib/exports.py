"""Tables as downloadable files. Bytes in, bytes out; the pages only offer them."""

from __future__ import annotations

import io

import pandas as pd


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    # A byte-order mark lets Excel on Windows open the Chinese text as UTF-8.
    return frame.to_csv(index=False).encode("utf-8-sig")


def to_excel_bytes(frame: pd.DataFrame, sheet_name: str = "data") -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name=sheet_name[:31])
    return buffer.getvalue()


def read_csv_bytes(payload: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(payload), encoding="utf-8-sig", dtype=str, keep_default_na=False)


def read_excel_bytes(payload: bytes) -> pd.DataFrame:
    return pd.read_excel(io.BytesIO(payload), dtype=str, keep_default_na=False)
