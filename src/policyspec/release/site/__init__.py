"""The provenance site: a static, offline HTML view of a corpus that shows, in each source text,
the sentence every encoded figure came from.

``highlight`` nests the quotes' intervals into well-formed HTML, ``cards`` renders what each
item reads, ``pages`` the index, document and topic pages, ``timeline_svg`` the deadlines,
``style`` the one stylesheet, ``files`` the files of a site in memory and ``writing`` puts them
into a folder all at once. Importing this package imports none of them.
"""
