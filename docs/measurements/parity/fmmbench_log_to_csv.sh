#!/bin/sh
# fmmbench's console log of `fmmbench train` -> step,train_loss,val_accuracy (validation only at evaluation steps)
tr '\r' '\n' < "$1" | grep -a -o 'step [0-9]*/5000  loss [0-9.]*  val [^ ]*' \
  | awk 'BEGIN{print "step,train_loss,val_accuracy"} {split($2,a,"/"); v=$6; sub("%","",v); if (v=="-" || a[1]%100!=0) v=""; else v=v/100; print a[1]","$4","v}'
