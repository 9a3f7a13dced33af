# `cmake --install` puts headers, the library, the CLI, a CMake package (find_package(skillmatch))
# and a pkg-config file (pkg-config --cflags --libs skillmatch) under CMAKE_INSTALL_PREFIX.
include(CMakePackageConfigHelpers)
install(TARGETS skillmatch skillmatch_c skillmatch_c_static skillmatch_cli EXPORT skillmatchTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/skillmatch DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT skillmatchTargets NAMESPACE skillmatch:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/skillmatch)
configure_package_config_file(cmake/skillmatchConfig.cmake.in
  "${CMAKE_CURRENT_BINARY_DIR}/skillmatchConfig.cmake"
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/skillmatch)
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/skillmatchConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/skillmatchConfig.cmake" "${CMAKE_CURRENT_BINARY_DIR}/skillmatchConfigVersion.cmake"
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/skillmatch)
configure_file(cmake/skillmatch.pc.in "${CMAKE_CURRENT_BINARY_DIR}/skillmatch.pc" @ONLY)
configure_file(cmake/skillmatch-c.pc.in "${CMAKE_CURRENT_BINARY_DIR}/skillmatch-c.pc" @ONLY)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/skillmatch.pc" "${CMAKE_CURRENT_BINARY_DIR}/skillmatch-c.pc"
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
install(FILES LICENSE NOTICE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/skillmatch)
install(DIRECTORY data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/skillmatch)
