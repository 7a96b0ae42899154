# FindSLEEF: the SLEEF vector math library, through pkg-config when present,
# else by searching for sleef.h and libsleef. Defines SLEEF::sleef.
find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(PC_SLEEF QUIET sleef)
endif()
find_path(SLEEF_INCLUDE_DIR sleef.h HINTS ${PC_SLEEF_INCLUDE_DIRS})
find_library(SLEEF_LIBRARY NAMES sleef HINTS ${PC_SLEEF_LIBRARY_DIRS})
# With Debian multiarch the build machine's SLEEF and a cross target's both sit
# under /usr (/usr/include/<triplet>/sleef.h, /usr/lib/<triplet>/libsleef.so);
# a cross build that found the other triplet's copy (say, through the host's
# pkg-config) would compile against the wrong header. Refuse it here.
if(CMAKE_LIBRARY_ARCHITECTURE)
  foreach(_sleef_var SLEEF_INCLUDE_DIR SLEEF_LIBRARY)
    if("${${_sleef_var}}" MATCHES "/([A-Za-z0-9_]+-linux-gnu[A-Za-z0-9_]*)(/|$)"
       AND NOT CMAKE_MATCH_1 STREQUAL CMAKE_LIBRARY_ARCHITECTURE)
      message(FATAL_ERROR "FindSLEEF: ${_sleef_var}=${${_sleef_var}} is for ${CMAKE_MATCH_1}, "
                          "not the target ${CMAKE_LIBRARY_ARCHITECTURE} (install the target's "
                          "libsleef-dev, e.g. libsleef-dev:arm64, or set ${_sleef_var})")
    endif()
  endforeach()
endif()
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(SLEEF REQUIRED_VARS SLEEF_LIBRARY SLEEF_INCLUDE_DIR
                                  VERSION_VAR PC_SLEEF_VERSION)
if(SLEEF_FOUND AND NOT TARGET SLEEF::sleef)
  add_library(SLEEF::sleef UNKNOWN IMPORTED)
  set_target_properties(SLEEF::sleef PROPERTIES IMPORTED_LOCATION "${SLEEF_LIBRARY}"
                                                INTERFACE_INCLUDE_DIRECTORIES "${SLEEF_INCLUDE_DIR}")
endif()
mark_as_advanced(SLEEF_INCLUDE_DIR SLEEF_LIBRARY)
