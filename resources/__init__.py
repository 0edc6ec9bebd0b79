"""Data files shipped with FieldApp (fonts, reference data, translations, icons).

Installed as the package ``fieldapp_resources``; read it through
:mod:`fieldapp.resources`, never through file paths relative to the source tree.
"""
