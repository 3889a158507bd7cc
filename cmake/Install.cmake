# Installing pathways (`cmake --install`, `make install PREFIX=…`) and packaging it as a .deb
# (`make package`, through CPack). Included from the top-level CMakeLists.txt after the targets.
#
# Layout under the prefix:
#   bin/pathways                                   the program
#   share/pathways/styles/*.yaml                   the styles; the program finds them relative to
#                                                  itself (../share/pathways from bin/)
#   share/pathways/schema/catalogue.schema.json    the catalogue format's JSON Schema
#   share/doc/pathways/examples/*.yaml             the shipped catalogues and manifest
#   share/man/man1/pathways.1                      the man page (checked against --help by a test)
#   share/bash-completion/completions/pathways     bash completion
#   share/zsh/vendor-completions/_pathways         zsh completion
include(GNUInstallDirs)

# Where the data folder is, seen from the program's folder, so a copied or installed tree works
# wherever it is put (no absolute path is compiled in).
file(RELATIVE_PATH PATHWAYS_DATA_RELATIVE "/prefix/${CMAKE_INSTALL_BINDIR}" "/prefix/${CMAKE_INSTALL_DATADIR}/pathways")
target_compile_definitions(pathways PRIVATE PATHWAYS_DATA_RELATIVE="${PATHWAYS_DATA_RELATIVE}")

install(TARGETS pathways RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY styles/ DESTINATION ${CMAKE_INSTALL_DATADIR}/pathways/styles FILES_MATCHING PATTERN "*.yaml")
install(FILES data/schema/catalogue.schema.json DESTINATION ${CMAKE_INSTALL_DATADIR}/pathways/schema)
install(FILES data/ncl-career-pathways.yaml data/nhs-management-careers.yaml data/posters.yaml
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
install(FILES docs/pathways.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES scripts/completion/pathways.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME pathways)
install(FILES scripts/completion/_pathways DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)

# The Debian package: `make package` (or `cd build && cpack -G DEB`) writes build/pathways_<version>_<arch>.deb,
# installable with `sudo apt install ./build/pathways_*.deb`. Library dependencies are worked out by
# dpkg-shlibdeps (from dpkg-dev) from the program's own links; the fonts it draws with, and the
# sRGB profile print PDFs embed (colord-data), are added.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pathways)
set(CPACK_PACKAGE_VENDOR "pathways")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "career pathway posters from a YAML catalogue of job roles")
set(CPACK_PACKAGE_DESCRIPTION "Turns a YAML catalogue of health and care job roles into career pathway posters (PDF, PNG and SVG), laid out by Graphviz and drawn with Cairo and Pango.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "pathways developers <pathways@localhost>")
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-liberation, colord-data")  # colord-data: print PDFs' sRGB profile
set(CPACK_STRIP_FILES ON)
include(CPack)
