"""A Word package set up once, and opened as a new document for each document written.

Opening python-docx's template (reading the zip file, parsing every XML part), setting
up its styles and settings, serialising them again and deflating them took most of the
time of writing a small document, for parts that are the same in every document of a
house style and language. :class:`PreparedPackage` keeps a document that has been set
up (the house style's or a partnership's template) as python-docx's own serialised
package (its ``PackageReader``), and :meth:`PreparedPackage.open` unmarshals a new
document from it each time, the way ``docx.Document`` does, except that:

* the *static* parts (styles, settings, numbering, theme, fonts …: every part but the
  main document, the core properties, headers, footers and pictures) keep their
  serialised bytes: an XML part is parsed only when its tree is asked for
  (``document.styles`` still works, and what is changed there is written), the others
  are plain python-docx parts; none is parsed, copied or serialised again for a document
  that does not look at it;
* :func:`package_bytes` writes those parts from their bytes deflated once
  (:mod:`helsefellesskap_docx.zipped`), and every other part as python-docx serialises
  it, in python-docx's order, with a fixed time: the same bytes as before; the content
  types and the relationships of the same parts (all but a document's own links) are
  written and deflated once, and kept for the next document with the same.

Each document gets its own parts and XML trees; what documents share is only read:
python-docx's reader of the serialised package (its relationships all resolved when it
was read), bytes, a map of style ids, and pieces of XML kept serialised
(:meth:`PreparedPackage.memo`: a footer), which each document parses for itself; so
documents can be written in several threads at once (a test does).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Hashable, Mapping
from types import MappingProxyType
from typing import Any, cast

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.opc.package import Unmarshaller
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI, PackURI
from docx.opc.part import Part, PartFactory, XmlPart
from docx.opc.pkgreader import PackageReader
from docx.opc.pkgwriter import _ContentTypesItem
from docx.opc.rel import Relationships
from docx.oxml.parser import parse_xml
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.package import Package
from docx.parts.document import DocumentPart

from .zipped import Member, deflated, zip_bytes

__all__ = ["MEMO_SIZE", "WRITTEN_KEPT", "ZIP_TIME", "PreparedPackage", "package_bytes"]

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""The time of every member of the zip file, so that the same document gives the same bytes."""
_MODE = 0o644
"""Every member readable by all."""

MEMO_SIZE = 256
"""The most pieces of XML a prepared package keeps (:meth:`PreparedPackage.keep`)."""

_PER_DOCUMENT_TYPES = frozenset(
    (CT.WML_DOCUMENT_MAIN, CT.OPC_CORE_PROPERTIES, CT.WML_HEADER, CT.WML_FOOTER)
)
"""The parts each document changes: its body, its core properties, its headers and footers."""


class _LazyXml(XmlPart):
    """A static XML part holding its serialised bytes until its tree is asked for; then
    it is parsed, and written from the tree (which may have been changed)."""

    def __init__(self, partname: PackURI, content_type: str, blob: bytes, package: Package):
        Part.__init__(self, partname, content_type, blob, package)  # not XmlPart's: no tree
        self._tree: BaseOxmlElement | None = None

    @property
    def _element(self) -> BaseOxmlElement:
        if self._tree is None:
            assert self._blob is not None
            self._tree = parse_xml(self._blob)
        return self._tree

    @_element.setter
    def _element(self, value: BaseOxmlElement) -> None:
        self._tree = value

    @property
    def blob(self) -> bytes:
        """The part's bytes: the prepared ones while nobody has parsed them."""
        if self._tree is None:
            assert self._blob is not None
            return self._blob
        return serialize_part_xml(self._tree)


_LAZY_CLASSES: dict[type[XmlPart], type[XmlPart]] = {}


def _lazy_class(part_class: type[XmlPart]) -> type[XmlPart]:
    """``part_class`` (python-docx's ``StylesPart`` …) parsed only when it is asked for:
    one subclass of it and :class:`_LazyXml` for each (made once; a race makes it twice,
    harmlessly)."""
    found = _LAZY_CLASSES.get(part_class)
    if found is None:
        found = type(f"Lazy{part_class.__name__}", (_LazyXml, part_class), {})
        _LAZY_CLASSES[part_class] = found
    return found


WRITTEN_KEPT = 256
"""The most ``[Content_Types].xml`` and ``.rels`` members :func:`package_bytes` keeps
(:func:`_kept_member`); past it they are dropped and written again."""

_WRITTEN: dict[tuple[object, ...], Member] = {}
"""The content types and relationships members written, deflated, by what makes them."""


def _kept_member(key: tuple[object, ...], name: str, xml: Callable[[], bytes]) -> Member:
    """The member ``name`` of the XML ``xml()`` gives, deflated: made the first time for
    ``key`` (everything the XML is made of), and kept for every later document with
    the same parts or relationships (only bytes are shared, so threads may share them:
    a race makes one twice, alike)."""
    found = _WRITTEN.get(key)
    if found is None:
        if len(_WRITTEN) >= WRITTEN_KEPT:
            _WRITTEN.clear()
        found = _WRITTEN[key] = deflated(name, xml(), date_time=ZIP_TIME, mode=_MODE)
    return found


def _content_types(parts: list[Part]) -> Member:
    """``[Content_Types].xml`` of ``parts``, as python-docx's ``PackageWriter`` writes
    it (from each part's name and content type alone)."""
    key = ("types", *((part.partname, part.content_type) for part in parts))
    items: Any = _ContentTypesItem  # not typed in python-docx
    return _kept_member(key, CONTENT_TYPES_URI.membername, lambda: items.from_parts(parts).blob)


def _rels_xml(rels: Relationships) -> bytes:
    """``rels.xml``: bytes (python-docx's ``serialize_part_xml``), though typed ``str``."""
    xml: Any = rels.xml
    return cast(bytes, xml)


def _relationships(rels: Relationships, name: str) -> Member:
    """The ``.rels`` member ``name`` of ``rels``, as python-docx writes it (from each
    relationship's id, type and target): kept where all its targets are parts of the
    package; a document's own links (external targets) are written each time."""
    key: list[object] = ["rels", name]
    for rel in rels.values():
        if rel.is_external:
            return deflated(name, _rels_xml(rels), date_time=ZIP_TIME, mode=_MODE)
        key.append((rel.rId, rel.reltype, rel.target_part.partname, rel._baseURI))
    return _kept_member(tuple(key), name, lambda: _rels_xml(rels))


class _Members:
    """python-docx's ``PhysPkgWriter`` interface (``write``) for ``PackageWriter``:
    collects the members of the zip file, each deflated now unless it is a static part
    whose bytes were deflated when the package was prepared."""

    def __init__(self, ready: Mapping[str, tuple[bytes, Member]]) -> None:
        self._ready = ready
        self.members: list[Member] = []

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        """Add ``blob`` as the member of ``pack_uri``."""
        name = pack_uri.membername
        ready = self._ready.get(name)
        if ready is not None and ready[0] is blob:  # the prepared bytes themselves
            self.members.append(ready[1])
        else:
            self.members.append(deflated(name, blob, date_time=ZIP_TIME, mode=_MODE))

    def add(self, member: Member) -> None:
        """Add ``member``, deflated already."""
        self.members.append(member)


def package_bytes(document: DocxDocument, prepared: PreparedPackage | None = None) -> bytes:
    """``document`` as the bytes of a ``.docx`` file: what ``Document.save`` writes, part
    by part in its order, but each member with a fixed time and mode, so that the same
    content gives the same bytes; the static parts of ``prepared`` (where ``document``
    was opened from it) deflated once for all documents."""
    package = document.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    members = _Members(prepared.deflated if prepared is not None else {})
    # python-docx's PackageWriter.write step by step, the content types and the
    # relationships of the same parts deflated once (_kept_member)
    members.add(_content_types(parts))
    members.add(_relationships(package.rels, PACKAGE_URI.rels_uri.membername))
    for part in parts:
        members.write(part.partname, part.blob)
        if len(part.rels):
            members.add(_relationships(part.rels, part.partname.rels_uri.membername))
    return zip_bytes(members.members)


class PreparedPackage:
    """A document set up once (see the module), from which :meth:`open` makes new ones.

    :param document: the document set up; it is serialised here and not used again.
    """

    def __init__(self, document: DocxDocument) -> None:
        self.style_ids: Mapping[str, str] = MappingProxyType(self._style_ids(document))
        """Each style's id by its internal name (``heading 1``), the first style of a
        name where several have it, as python-docx's ``styles[name]`` finds it."""
        # python-docx's own reading of the document saved, as ``docx.Document`` reads a file
        read: Any = PackageReader.from_file  # not typed in python-docx
        self._reader = read(io.BytesIO(package_bytes(document)))
        ready: dict[str, tuple[bytes, Member]] = {}
        for partname, content_type, reltype, blob in self._reader.iter_sparts():
            if not self._per_document(content_type, reltype):
                name = partname.membername
                ready[name] = (blob, deflated(name, blob, date_time=ZIP_TIME, mode=_MODE))
        self._memo: dict[Hashable, bytes] = {}  # see memo(); only bytes are shared
        self._pictures = any(
            srel.reltype == RT.IMAGE and not srel.is_external
            for _, srel in self._reader.iter_srels()
        )
        """Whether the package holds pictures (a template's logo in its header)."""
        self.deflated: Mapping[str, tuple[bytes, Member]] = MappingProxyType(ready)
        """Each static part's member name, with its bytes (the very object every
        document's part holds) and the member they make, deflated."""

    def memo(self, key: Hashable) -> bytes | None:
        """What :meth:`keep` kept for ``key``: XML the documents of this package write
        alike (a footer), serialised, so that each document parses its own copy."""
        return self._memo.get(key)

    def keep(self, key: Hashable, xml: bytes) -> None:
        """Keep ``xml`` for ``key`` (up to :data:`MEMO_SIZE` keys; the first ones stay)."""
        if len(self._memo) < MEMO_SIZE:
            self._memo[key] = xml

    @staticmethod
    def _per_document(content_type: str, reltype: str) -> bool:
        """Whether a part is made anew for each document: one a document changes, or a
        picture (python-docx keeps its pictures apart, to find one added twice)."""
        return (
            content_type in _PER_DOCUMENT_TYPES
            or reltype == RT.IMAGE
            or content_type.startswith("image/")
        )

    @staticmethod
    def _style_ids(document: DocxDocument) -> dict[str, str]:
        found: dict[str, str] = {}
        for style in document.styles.element.style_lst:
            internal, style_id = style.name_val, style.styleId
            if internal is not None and style_id is not None:
                found.setdefault(internal, style_id)
        return found

    def _part(
        self, partname: PackURI, content_type: str, reltype: str, blob: bytes, package: Package
    ) -> Part:
        """python-docx's part for a part of the package (the ``PartFactory`` interface):
        a static part as its bytes (parsed when asked for, where it is XML python-docx
        knows), every other part as python-docx makes it."""
        if self._per_document(content_type, reltype):
            return cast(Part, PartFactory(partname, content_type, reltype, blob, package))
        part_class = PartFactory.part_type_for.get(content_type, Part)
        if issubclass(part_class, XmlPart):
            lazy: Any = _lazy_class(part_class)
            return cast(Part, lazy(partname, content_type, blob, package))
        return cast(Part, Part.load(partname, content_type, blob, package))

    def open(self) -> DocxDocument:
        """A new document, with its own parts, of the prepared package: python-docx's
        ``Unmarshaller.unmarshal`` step by step (what ``Package.open`` does), its
        gathering of the package's pictures (a walk of every relationship) only where
        the package holds any."""
        package = Package()
        steps: Any = Unmarshaller  # not typed in python-docx
        parts = steps._unmarshal_parts(self._reader, package, self._part)
        steps._unmarshal_relationships(self._reader, package, parts)
        for part in parts.values():
            part.after_unmarshal()
        if self._pictures:
            gather: Any = package.after_unmarshal  # not typed in python-docx
            gather()
        main = package.main_document_part
        assert isinstance(main, DocumentPart)
        document: DocxDocument = main.document
        return document
