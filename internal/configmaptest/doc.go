// Package configmaptest is a fake kubelet for tests: it publishes files into a directory
// the way the kubelet updates a mounted Kubernetes ConfigMap volume, so that tests can
// check that a watcher survives exactly that.
//
// The kubelet's AtomicWriter writes each version into a fresh hidden directory
// (..2024_01_02_15_04_05.123456789), points a "..data_tmp" symlink at it, renames
// "..data_tmp" over "..data" (the one atomic step), makes sure each visible name is a symlink
// "name -> ..data/name", and finally removes the previous version's directory. Readers of
// "name" therefore see the old set or the new set, never a mix.
package configmaptest
